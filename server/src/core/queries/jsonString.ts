// Decoding a JSON string literal as it appears in a dashboard file, keeping the way back to the raw
// characters: `"expr": "up{job=\"api\"}"` must report `api` where it is in the file.
import { DecodedStringBuilder, plainDecoded, type DecodedString } from './decodedString';

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** The value of a JSON string literal's raw text, as mapToJsonString decodes it, without the mapping. */
export function jsonStringValue(raw: string): string {
  if (!raw.includes('\\')) return raw.slice(raw.startsWith('"') ? 1 : 0, raw.length > 1 && raw.endsWith('"') ? raw.length - 1 : raw.length);
  return (raw.length > 1 && raw.startsWith('"') && raw.endsWith('"') ? strictValue(raw) : undefined) ?? mapToJsonString(raw).value;
}

/** Decodes the raw text of a JSON string literal (quotes included); malformed escapes are kept as written. */
export function mapToJsonString(rawJsonStringLiteral: string): DecodedString {
  const raw = rawJsonStringLiteral;
  const open = raw.startsWith('"') ? 1 : 0;
  const close = raw.length > open && raw.endsWith('"') && !isEscaped(raw, raw.length - 1) ? raw.length - 1 : raw.length;
  if (!raw.includes('\\')) return plainDecoded(raw.slice(open, close), open, close);
  // A whole, valid literal: the native parser gives the value, in one piece; only the mapping is built here.
  const out = new DecodedStringBuilder(open === 1 && close === raw.length - 1 ? strictValue(raw) : undefined);
  let i = open;
  while (i < close) {
    // Text up to the next backslash is its own value.
    const slash = raw.indexOf('\\', i);
    const stop = slash < 0 || slash >= close ? close : slash;
    out.copy(raw, i, stop);
    i = stop;
    if (i >= close) break;
    const e = raw[i + 1];
    if (i + 1 >= close) {
      out.copy(raw, i, ++i);
    } else if (e in SIMPLE_ESCAPES) {
      out.push(SIMPLE_ESCAPES[e], i);
      i += 2;
    } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(raw.slice(i + 2, i + 6))) {
      out.push(String.fromCharCode(parseInt(raw.slice(i + 2, i + 6), 16)), i);
      i += 6;
    } else {
      out.copy(raw, i, ++i);
    }
  }
  return out.finish(close);
}

function strictValue(literal: string): string | undefined {
  try {
    return JSON.parse(literal) as string;
  } catch {
    return undefined;
  }
}

function isEscaped(raw: string, index: number): boolean {
  let slashes = 0;
  for (let j = index - 1; j >= 0 && raw[j] === '\\'; j--) slashes++;
  return slashes % 2 === 1;
}
