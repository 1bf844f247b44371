// "Which YAML keys enclose this position?" answered from indentation alone, so it works on the
// half-typed files an editor sees between keystrokes, where a YAML parser gives up.

export interface LineContext {
  /** Enclosing mapping keys, outermost first (list dashes are skipped). */
  path: string[];
  /** The text of the current line before the position. */
  before: string;
  /** The key on the current line, if the position is after `key:`. */
  currentKey?: string;
}

const KEY_LINE = /^(\s*)(?:-\s+)?([^\s#:'"][^:#]*?|"[^"]*"|'[^']*'):(\s|$)/;

function indentOf(line: string): number {
  return line.length - line.trimStart().length;
}

function unquote(key: string): string {
  return key.replace(/^["'](.*)["']$/, '$1').trim();
}

export function lineContextAt(text: string, offset: number): LineContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  const current = KEY_LINE.exec(before);
  const currentKey = current ? unquote(current[2]) : undefined;
  const path: string[] = [];
  let indent = before.trim() === '' ? before.length : indentOf(before);
  let end = lineStart - 1;
  while (end > 0 && indent > 0) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const lineIndent = indentOf(line);
    if (lineIndent >= indent) continue;
    const m = KEY_LINE.exec(line);
    if (m) path.unshift(unquote(m[2]));
    indent = lineIndent;
  }
  return { path, before, currentKey };
}
