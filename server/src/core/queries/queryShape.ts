// The shape of a query: its text with the content of every string literal blanked, lengths kept.
// Lexers read a string literal as one token whatever it holds (no escape, no line break), so two
// queries with the same shape have the same tokens at the same offsets, and the same parse tree:
// `rate(x{service="api"}[5m])` and `rate(x{service="web"}[5m])` differ only in what is read from it.

const QUOTES = new Set([34, 39, 96]); // " ' `

/** Undefined when the shape may not decide the tokens: an escape, a control character or an unclosed quote in a literal, a comment. */
export function shapeKey(text: string): string | undefined {
  let shape = '';
  let copied = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 35) return undefined; // `#` starts a comment, where quotes are not strings
    if (!QUOTES.has(c)) continue;
    const close = text.indexOf(text[i], i + 1);
    if (close < 0) return undefined;
    for (let j = i + 1; j < close; j++) {
      const d = text.charCodeAt(j);
      if (d === 92 || d < 32) return undefined;
    }
    if (close > i + 1) {
      shape += text.slice(copied, i + 1) + 'x'.repeat(close - i - 1);
      copied = close;
    }
    i = close;
  }
  return copied === 0 ? text : shape + text.slice(copied);
}
