// The column alignment behind `alloy fmt`: Go's text/tabwriter (elastic tabstops) as Alloy
// configures it (minwidth 0, tabwidth 8, padding 1, pad with spaces, DiscardEmptyColumns,
// TabIndent), followed by Alloy's trimmer, which drops trailing blanks and the escape marks.

/** Brackets text the tabwriter must pass through uninterpreted (Go uses the byte 0xff). */
export const ESCAPE = '\uffff';

const TAB_WIDTH = 8;
const PADDING = 1;

interface Cell {
  text: string;
  width: number;
  /** Terminated by a hard tab `\t` rather than a soft `\v`. */
  htab: boolean;
}

const widthOf = (text: string): number => [...text].filter((c) => c !== ESCAPE).length;

class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];

  write(text: string): void {
    let inEscape = false;
    for (const ch of text) {
      if (inEscape) {
        this.cell += ch;
        inEscape = ch !== ESCAPE;
        continue;
      }
      if (ch === ESCAPE) {
        this.cell += ch;
        inEscape = true;
      } else if (ch === '\t' || ch === '\v' || ch === '\n' || ch === '\f') {
        const line = this.lines[this.lines.length - 1];
        line.push({ text: this.cell, width: widthOf(this.cell), htab: ch === '\t' });
        this.cell = '';
        if (ch === '\n' || ch === '\f') {
          this.lines.push([]);
          // A formfeed ends every column; a line of one cell cannot affect later alignment.
          if (ch === '\f' || line.length === 1) this.flush();
        }
      } else {
        this.cell += ch;
      }
    }
  }

  flush(): string {
    if (this.cell) this.lines[this.lines.length - 1].push({ text: this.cell, width: widthOf(this.cell), htab: false });
    this.cell = '';
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
    return this.out;
  }

  /** Lays out lines [line0, line1): each run of lines sharing a column gets that column's width. */
  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= this.lines[row].length - 1) continue;
      this.writeLines(line0, row);
      line0 = row;
      let width = 0;
      let discardable = true;
      for (; row < line1; row++) {
        const line = this.lines[row];
        if (column >= line.length - 1) break;
        const c = line[column];
        width = Math.max(width, c.width + PADDING);
        if (c.width > 0 || c.htab) discardable = false;
      }
      this.widths.push(discardable ? 0 : width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      let useTabs = true; // leading empty cells are indentation
      this.lines[i].forEach((c, j) => {
        if (c.text) {
          useTabs = false;
          this.out += c.text;
        }
        if (j < this.widths.length) this.pad(c.width, this.widths[j], useTabs);
      });
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }

  private pad(textWidth: number, cellWidth: number, useTabs: boolean): void {
    if (!useTabs) {
      this.out += ' '.repeat(cellWidth - textWidth);
      return;
    }
    const rounded = Math.ceil(cellWidth / TAB_WIDTH) * TAB_WIDTH;
    this.out += '\t'.repeat(Math.ceil((rounded - textWidth) / TAB_WIDTH));
  }
}

/** Drops blanks before line ends and at the end, and removes the escape marks. */
function trim(text: string): string {
  let out = '';
  let pendingSpace = '';
  let inEscape = false;
  for (const ch of text) {
    if (inEscape) {
      if (ch === ESCAPE) inEscape = false;
      else out += ch;
    } else if (ch === ' ' || ch === '\t' || ch === '\v') {
      pendingSpace += ch === '\v' ? '\t' : ch;
    } else if (ch === '\n' || ch === '\f') {
      pendingSpace = '';
      out += '\n';
    } else {
      out += pendingSpace;
      pendingSpace = '';
      if (ch === ESCAPE) inEscape = true;
      else out += ch;
    }
  }
  return out;
}

/** Aligns the printer's output: `\t`/`\v` end cells, `\f` also ends all columns. */
export function alignColumns(text: string): string {
  const writer = new TabWriter();
  writer.write(text);
  return trim(writer.flush());
}
