// String literal quoting as Go does it: Alloy prints labels and keys with Go's %q, and its
// string values are Go-escaped.

const isPrint = (ch: string): boolean => /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u.test(ch);

const SHORT_ESCAPES: Record<string, string> = {
  '\x07': '\\a', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\v': '\\v',
};

/** Go's strconv.Quote (`%q`). */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const code = ch.codePointAt(0)!;
    if (ch === '"' || ch === '\\') out += '\\' + ch;
    else if (isPrint(ch)) out += ch;
    else if (SHORT_ESCAPES[ch]) out += SHORT_ESCAPES[ch];
    else if (code < 0x20 || code === 0x7f) out += '\\x' + code.toString(16).padStart(2, '0');
    else if (code >= 0xd800 && code <= 0xdfff) out += '\\ufffd'; // Go sees invalid UTF-8 here
    else if (code < 0x10000) out += '\\u' + code.toString(16).padStart(4, '0');
    else out += '\\U' + code.toString(16).padStart(8, '0');
  }
  return out + '"';
}

const SIMPLE_UNESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', '"': '"',
};

/**
 * The value of a STRING token's source text: escapes resolved for "...", CRs dropped for `...`.
 * Malformed escapes (already reported by the scanner) are kept as written. `\xNN` and octal
 * escapes give the code point NN, where Go would give a raw byte.
 */
export function stringValue(raw: string): string {
  if (raw.startsWith('`')) return raw.slice(1, raw.endsWith('`') && raw.length > 1 ? -1 : undefined).replace(/\r/g, '');
  const inner = raw.slice(1, raw.length > 1 && raw.endsWith('"') ? -1 : undefined);
  return inner.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/gs, (whole, esc: string) => {
    if (SIMPLE_UNESCAPES[esc] !== undefined) return SIMPLE_UNESCAPES[esc];
    const code = /^[0-7]{3}$/.test(esc) ? parseInt(esc, 8) : esc.length > 1 ? parseInt(esc.slice(1), 16) : NaN;
    const valid = code <= 0x10ffff && !(code >= 0xd800 && code < 0xe000);
    return valid ? String.fromCodePoint(code) : whole;
  });
}
