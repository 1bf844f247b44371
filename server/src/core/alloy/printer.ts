// The token printer behind `alloy fmt` (grafana/alloy syntax/printer/printer.go): it receives
// tokens and whitespace intents from the formatter's tree walk, places the source comments
// between them, and leaves alignment to the tabwriter through `\t`, `\v` and `\f`.

import { Comment } from './ast';
import { alignColumns, ESCAPE } from './tabwriter';
import { TokenKind } from './tokens';

/** Whitespace intents: `>`/`<` change indentation, `\v` is an alignment point, `\f` ends alignment. */
export type Whitespace = ' ' | '\v' | '\n' | '\f' | '>' | '<';
type PendingWhitespace = Whitespace | 'ignore';

/** A place in the source (AST space): UTF-16 offset and 1-based line. */
interface Place {
  offset: number;
  line: number;
}

const MAX_NEWLINES = 2;
const END: Place = { offset: Number.MAX_SAFE_INTEGER, line: Number.MAX_SAFE_INTEGER };

export class Printer {
  private output = '';
  private indent = 0;
  private lastTok: TokenKind | 'LITERAL' = 'ILLEGAL';
  private whitespace: PendingWhitespace[] = [];
  // Estimated AST-space position of the next output, and that of the last text written.
  private pos: Place = { offset: 0, line: 1 };
  private last: Place = { offset: 0, line: 0 };
  private atLineStart = true;
  private readonly groups: Comment[][];
  private group = 0;

  constructor(private readonly lineOf: (offset: number) => number, comments: Comment[], source: string) {
    this.groups = groupComments(comments, source, lineOf);
  }

  place(offset: number): Place {
    return { offset, line: this.lineOf(offset) };
  }

  space(...ws: Whitespace[]): void {
    this.whitespace.push(...ws);
    this.lastTok = 'LITERAL';
  }

  /** Sets the AST-space position to a token's real offset. */
  at(offset: number): void {
    this.pos = this.place(offset);
  }

  text(data: string, kind: TokenKind): void {
    this.lastTok = kind;
    this.emit(data);
  }

  token(kind: TokenKind): void {
    // Keep `1 .` and `/ *` from re-scanning as one token.
    if ((this.lastTok === 'NUMBER' && kind[0] === '.') || (this.lastTok === '/' && kind[0] === '*')) this.whitespace = [' '];
    this.lastTok = kind;
    this.emit(kind);
  }

  /** Writes the trailing comments and returns the aligned text. */
  finish(): string {
    this.flush(END, 'EOF');
    return alignColumns(this.output);
  }

  private emit(data: string): void {
    const next = { ...this.pos }; // flushing comments moves pos; the text still belongs here
    this.flush(next, this.lastTok as TokenKind);
    this.writeString(next, data, false);
  }

  private commentBefore(next: Place): boolean {
    return this.group < this.groups.length && this.groups[this.group][0].span.start <= next.offset;
  }

  private flush(next: Place, tok: TokenKind): void {
    if (this.commentBefore(next)) this.injectComments(next, tok);
    else if (tok !== 'EOF') this.writeWhitespace(this.whitespace.length);
  }

  private injectComments(next: Place, tok: TokenKind): void {
    let lastComment: Comment | undefined;
    while (this.commentBefore(next)) {
      for (const c of this.groups[this.group++]) {
        this.writeCommentPrefix(next, c);
        this.writeString(this.place(c.span.start), c.text, true);
        lastComment = c;
      }
    }
    this.writeCommentSuffix(next, tok, lastComment!);
  }

  private writeCommentPrefix(next: Place, c: Comment): void {
    if (this.output.length === 0) return; // nothing before the comment needs separating
    const line = this.lineOf(c.span.start);
    if (line === this.last.line) {
      // After a token on the same line: a tab aligns trailing comments, a space sits between tokens.
      this.writeByte(line === next.line ? ' ' : '\t', 1);
      return;
    }
    // Apply pending indentation, then replace the first real whitespace with our own line breaks.
    let count = 0;
    for (let i = 0; i < this.whitespace.length; i++) {
      const ws = this.whitespace[i];
      if (ws === '>' || ws === '<') continue;
      if (ws !== 'ignore') this.whitespace[i] = 'ignore';
      count = i;
      break;
    }
    this.writeWhitespace(count);
    const newlines = this.last.line > 0 ? line - this.last.line : 0;
    if (newlines > 0) this.writeByte('\f', Math.min(newlines, MAX_NEWLINES));
  }

  private writeCommentSuffix(next: Place, tok: TokenKind, lastComment: Comment): void {
    if (tok === 'EOF') return; // no blank lines at the end of the file
    if (lastComment.text[1] === '*' && next.line === this.lineOf(lastComment.span.start + lastComment.text.length - 1)) {
      this.writeByte(' ', 1);
    }
    const newlines = next.line - this.last.line;
    let droppedFormfeed = false;
    this.whitespace = this.whitespace.map((ws) => {
      if (ws === '>' || ws === '<' || ws === 'ignore') return ws;
      if (ws === '\f') droppedFormfeed = true;
      return 'ignore';
    });
    this.writeWhitespace(this.whitespace.length);
    if (newlines > 0) this.writeByte(droppedFormfeed ? '\f' : '\n', Math.min(newlines, MAX_NEWLINES));
  }

  private writeString(place: Place, s: string, escaped: boolean): void {
    if (this.atLineStart) this.writeIndent();
    this.pos = { ...place };
    this.output += escaped ? ESCAPE + s + ESCAPE : s;
    const newlines = (s.match(/[\n\f]/g) ?? []).length;
    this.pos.offset += s.length;
    this.pos.line += newlines;
    if (newlines > 0) this.atLineStart = /[\n\f]$/.test(s);
    else if (s.length > 0) this.atLineStart = false;
    this.last = { ...this.pos };
  }

  private writeIndent(): void {
    this.output += '\t'.repeat(this.indent);
    this.pos.offset += this.indent;
    if (this.indent > 0) this.atLineStart = false;
  }

  private writeByte(ch: string, n: number): void {
    if (this.atLineStart) this.writeIndent();
    this.output += ch.repeat(n);
    this.pos.offset += n;
    if (ch === '\n' || ch === '\f') {
      this.pos.line += n;
      this.atLineStart = true;
    } else {
      this.atLineStart = false;
    }
  }

  private writeWhitespace(n: number): void {
    for (const ws of this.whitespace.slice(0, n)) {
      if (ws === '>') this.indent++;
      else if (ws === '<') this.indent = Math.max(0, this.indent - 1);
      else if (ws !== 'ignore') this.writeByte(ws, 1);
    }
    this.whitespace = this.whitespace.slice(n);
  }
}

/** Alloy's comment groups: comments with nothing but whitespace and at most one line break between. */
function groupComments(comments: Comment[], source: string, lineOf: (offset: number) => number): Comment[][] {
  const groups: Comment[][] = [];
  let endLine = -2;
  let prevEnd = -1;
  for (const c of comments) {
    const adjacent = prevEnd >= 0 && /^\s*$/.test(source.slice(prevEnd, c.span.start)) && lineOf(c.span.start) <= endLine + 1;
    if (adjacent) groups[groups.length - 1].push(c);
    else groups.push([c]);
    endLine = lineOf(c.span.start) + (c.text[1] === '*' ? (c.text.match(/\n/g) ?? []).length : 0);
    prevEnd = c.span.end;
  }
  return groups;
}
