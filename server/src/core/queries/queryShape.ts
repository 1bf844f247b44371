// The shape of a query: its text with the content of every string literal blanked, lengths kept.
// Lexers read a string literal as one token whatever it holds (no line break), so two queries with
// the same shape have the same tokens at the same offsets, and the same parse tree:
// `rate(x{service="api"}[5m])` and `rate(x{service="web"}[5m])` differ only in what is read from it.

/** Escapes that decode to one character without an error (regexes in dashboards are full of `\\`). */
const SIMPLE_ESCAPES = new Set([...'\\abfnrtv'].map((c) => c.charCodeAt(0)));

/**
 * Undefined when the shape may not decide the tokens or the errors: an escape other than the simple
 * ones, a control character or an unclosed quote in a literal, a comment.
 */
export function shapeKey(text: string): string | undefined {
  let shape = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 35) return undefined; // `#` starts a comment, where quotes are not strings
    if (c !== 34 && c !== 39 && c !== 96) continue; // " ' `
    const close = c === 96 ? rawStringEnd(text, i) : quotedStringEnd(text, i, c);
    if (close < 0) return undefined;
    if (close > i + 1) {
      shape += text.slice(copied, i + 1) + 'x'.repeat(close - i - 1);
      copied = close;
    }
    i = close;
  }
  return copied === 0 ? text : shape + text.slice(copied);
}

/** The closing quote of a "…" or '…' literal at `open`, or -1 when the literal cannot be shared. */
function quotedStringEnd(text: string, open: number, quote: number): number {
  for (let j = open + 1; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === quote) return j;
    if (d < 32) return -1;
    if (d === 92) {
      const e = text.charCodeAt(j + 1);
      if (e !== quote && !SIMPLE_ESCAPES.has(e)) return -1;
      j++;
    }
  }
  return -1;
}

/** The closing backquote of a raw literal at `open` (backslashes are plain characters there). */
function rawStringEnd(text: string, open: number): number {
  for (let j = open + 1; j < text.length; j++) {
    const d = text.charCodeAt(j);
    if (d === 96) return j;
    if (d < 32) return -1;
  }
  return -1;
}
