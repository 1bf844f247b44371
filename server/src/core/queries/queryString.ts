// PromQL and LogQL string literals: Go quoting ("…" and '…' with escapes, `…` raw), decoded with
// the way back to the raw characters and the error the real lexer would give.
import type { Span } from '../diagnostic';
import { DecodedStringBuilder, plainDecoded, type DecodedString } from './decodedString';

export interface QueryStringError {
  /** Offsets into the literal. */
  span: Span;
  message: string;
}

export interface DecodedQueryString extends DecodedString {
  error?: QueryStringError;
}

const SIMPLE: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' };
const NUMERIC: Record<string, { digits: number; radix: number }> = {
  x: { digits: 2, radix: 16 },
  u: { digits: 4, radix: 16 },
  U: { digits: 8, radix: 16 },
};
const OCTAL = { digits: 3, radix: 8 }; // \101: the first digit is part of the value

export function decodeQueryString(raw: string, language: 'promql' | 'logql'): DecodedQueryString {
  const quote = raw[0];
  const closed = raw.length >= 2 && raw.endsWith(quote) && (quote === '`' || !escapesClosingQuote(raw));
  const end = closed ? raw.length - 1 : raw.length;
  const out = new DecodedStringBuilder();
  if (closed && (quote === '`' || !raw.includes('\\'))) return plainDecoded(raw.slice(1, end), 1, end);
  let error: QueryStringError | undefined = closed ? undefined : { span: { start: 0, end: raw.length }, message: 'unterminated quoted string' };
  let i = 1;
  while (i < end) {
    // Text up to the next backslash is its own value (all of a raw string).
    const slash = quote === '`' ? -1 : raw.indexOf('\\', i);
    const stop = slash < 0 || slash >= end ? end : slash;
    out.copy(raw, i, stop);
    i = stop;
    if (i >= end) break;
    const step = decodeEscape(raw, i, quote);
    if (step.value === undefined) {
      error ??= { span: { start: i, end: i + 2 }, message: unknownEscape(raw[i + 1] ?? '', language) };
      out.push(raw.slice(i, i + 2), i);
    } else out.push(step.value, i);
    i = step.next;
  }
  const decoded: DecodedQueryString = out.finish(end);
  if (error) decoded.error = error;
  return decoded;
}

function escapesClosingQuote(raw: string): boolean {
  let slashes = 0;
  for (let j = raw.length - 2; j > 0 && raw[j] === '\\'; j--) slashes++;
  return slashes % 2 === 1;
}

function decodeEscape(raw: string, i: number, quote: string): { value?: string; next: number } {
  const e = raw[i + 1];
  if (e === quote) return { value: quote, next: i + 2 };
  if (e in SIMPLE) return { value: SIMPLE[e], next: i + 2 };
  const numeric = NUMERIC[e] ?? (/[0-7]/.test(e) ? OCTAL : undefined);
  if (numeric === undefined) return { next: i + 2 };
  const from = e in NUMERIC ? i + 2 : i + 1;
  const digits = raw.slice(from, from + numeric.digits);
  const valid = digits.length === numeric.digits && [...digits].every((d) => !Number.isNaN(parseInt(d, numeric.radix)));
  const code = parseInt(digits, numeric.radix);
  if (!valid || code > 0x10ffff) return { next: i + 2 };
  return { value: String.fromCodePoint(code), next: from + numeric.digits };
}

function unknownEscape(ch: string, language: 'promql' | 'logql'): string {
  // Prometheus's lexer and Go's text/scanner (used by Loki) word it differently.
  if (language === 'logql') return `invalid char escape \`\\${ch}\``;
  const code = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
  return `unknown escape sequence U+${code} '${ch}'`;
}
