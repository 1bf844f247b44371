// Converts between UTF-16 offsets and 0-based line/character positions, as LSP counts them.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/**
 * The last texts indexed through `LineIndex.of`: the checks, the suppressions and the LSP layer share
 * them. Held weakly: while typing in a big file, the indexes of its old versions, and with them the
 * texts, go as soon as nothing else uses them (8 versions of the compose bench's file were 3.8 MB).
 */
const recent: WeakRef<LineIndex>[] = [];
const RECENT_LIMIT = 8;

/**
 * Line starts are found as far as a question needs them: publishing the findings of a 2 MB dashboard
 * asks about a few offsets, often near its top, and scanning its 80,000 lines takes milliseconds.
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  /** Every line break before this offset is in `starts` (the last start is this offset). */
  private scanned = 0;
  private done = false;
  private readonly crlf: boolean;

  constructor(readonly text: string) {
    this.crlf = text.includes('\r');
  }

  /** The index of `text`, shared with every other caller indexing the same text (a file per keystroke is indexed once). */
  static of(text: string): LineIndex {
    let index: LineIndex | undefined;
    for (let i = 0; i < recent.length; i++) {
      const kept = recent[i].deref();
      if (kept !== undefined && kept.text !== text) continue;
      recent.splice(i--, 1);
      if (kept !== undefined) {
        index = kept;
        break;
      }
    }
    index ??= new LineIndex(text);
    recent.unshift(new WeakRef(index));
    if (recent.length > RECENT_LIMIT) recent.pop();
    return index;
  }

  get lineCount(): number {
    this.scanToLine(Infinity);
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    this.scanToOffset(o);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: o - this.starts[lo] };
  }

  offsetAt(pos: Position): number {
    if (pos.line < 0) return 0;
    this.scanToLine(pos.line + 1);
    if (pos.line >= this.starts.length) return this.text.length;
    const lineEnd = pos.line + 1 < this.starts.length ? this.starts[pos.line + 1] : this.text.length;
    return Math.max(this.starts[pos.line], Math.min(this.starts[pos.line] + pos.character, lineEnd));
  }

  lineStart(line: number): number {
    this.scanToLine(line);
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }

  /** The text of a line without its line break. */
  lineText(line: number): string {
    const start = this.lineStart(line);
    this.scanToLine(line + 1);
    const next = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    return this.text.slice(start, next).replace(/\r?\n$|\r$/, '');
  }

  /** Until the start of every line up to `offset` is known. */
  private scanToOffset(offset: number): void {
    while (!this.done && this.scanned <= offset) this.nextLine();
  }

  /** Until the start of line `line` is known, or the text ends. */
  private scanToLine(line: number): void {
    while (!this.done && this.starts.length <= line) this.nextLine();
  }

  private nextLine(): void {
    const text = this.text;
    let at = -1;
    if (!this.crlf) {
      const lf = text.indexOf('\n', this.scanned);
      if (lf !== -1) at = lf + 1;
    } else {
      for (let i = this.scanned; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
          at = i + 1;
          break;
        }
      }
    }
    if (at === -1) {
      this.done = true;
      this.scanned = text.length;
    } else {
      this.starts.push(at);
      this.scanned = at;
    }
  }

  rangeOf(span: { start: number; end: number }): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}
