// .env files as compose reads them: compose-go's dotenv parser (dotenv/parser.go, godotenv.go), with
// offsets, and carrying on past a bad line where compose stops.
import type { Span } from '../diagnostic';
import { LineIndex } from '../text/lineIndex';
import { interpolate, type Lookup } from './interpolation';

export interface EnvEntry {
  name: string;
  /** After unquoting and expansion. */
  value: string;
  /** The value as written, quotes included: `text.slice(valueSpan.start, valueSpan.end)`. */
  rawValue: string;
  nameSpan: Span;
  valueSpan: Span;
  /** 0-based line of the name, as LineIndex counts lines. */
  line: number;
  /** A bare `NAME` line: the value came from the lookup (empty valueSpan at the name's end). */
  inherited?: boolean;
}

export interface DotenvError {
  span: Span;
  message: string;
}

export interface DotenvFile {
  entries: EnvEntry[];
  errors: DotenvError[];
}

interface State {
  text: string;
  lines: LineIndex;
  /** The environment, then this file's earlier entries, then earlier files: compose's GetEnvFromFile. */
  lookup: Lookup;
  values: Map<string, string>;
  entries: EnvEntry[];
  errors: DotenvError[];
}

/** A value's text with the source offsets of each UTF-16 unit, so errors inside it can be placed. */
interface Mapped {
  text: string;
  from: number[];
  to: number[];
}

type ValueScan =
  | { span: Span; value: Mapped; quote: '' | "'" | '"'; next: number }
  | { error: DotenvError; next: number };

// Go's unicode.IsSpace, which skips blank lines and trims keys and unquoted values.
function isUnicodeSpace(c: number): boolean {
  return (c >= 0x09 && c <= 0x0d) || c === 0x20 || c === 0x85 || c === 0xa0 || c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

// The parser's own isSpace: blanks that are not a line break.
function isLineSpace(c: number): boolean {
  return c === 0x09 || c === 0x0b || c === 0x0c || c === 0x0d || c === 0x20 || c === 0x85 || c === 0xa0;
}

function lineEndAt(text: string, from: number): number {
  const nl = text.indexOf('\n', from);
  return nl < 0 ? text.length : nl;
}

function skipLineSpace(text: string, i: number): number {
  while (i < text.length && isLineSpace(text.charCodeAt(i))) i++;
  return i;
}

/** The next statement: past blanks, blank lines and `#` comment lines. */
function statementStart(text: string, pos: number): number {
  for (;;) {
    while (pos < text.length && isUnicodeSpace(text.charCodeAt(pos))) pos++;
    if (text[pos] !== '#') return pos;
    pos = lineEndAt(text, pos);
  }
}

/** Past a leading `export` (upstream's `^export\s+`, where Go's \s is [\t\n\f\r ]). */
function keyStart(text: string, pos: number): number {
  if (!text.startsWith('export', pos) || !'\t\n\f\r '.includes(text[pos + 6] ?? 'x')) return pos;
  return skipLineSpace(text, pos + 6);
}

type KeyScan = { end: number; separator?: '=' | ':' | '\n' } | { bad: number; char: string };

/** Upstream's key loop: the key ends at `=`, `:` or a line break; letters, digits and `_.-[]` allowed. */
function scanKey(text: string, start: number): KeyScan {
  for (let i = start; i < text.length;) {
    const char = String.fromCodePoint(text.codePointAt(i)!);
    if (char === '=' || char === ':' || char === '\n') return { end: i, separator: char };
    const allowed = isLineSpace(char.charCodeAt(0)) || '_.-[]'.includes(char) || /[\p{L}\p{N}]/u.test(char);
    if (!allowed) return { bad: i, char };
    i += char.length;
  }
  return { end: text.length };
}

function identity(text: string, start: number, end: number): Mapped {
  const from: number[] = [];
  for (let i = start; i < end; i++) from.push(i);
  return { text: text.slice(start, end), from, to: from.map((i) => i + 1) };
}

/** Up to the line break, before any ` #` comment, trimmed. */
function unquotedValue(text: string, start: number): ValueScan {
  const lineEnd = lineEndAt(text, start);
  const comment = text.slice(start, lineEnd).indexOf(' #');
  let end = comment < 0 ? lineEnd : start + comment;
  while (end > start && isUnicodeSpace(text.charCodeAt(end - 1))) end--;
  return { span: { start, end }, value: identity(text, start, end), quote: '', next: lineEnd + 1 };
}

/**
 * Up to the matching quote, across lines. Only `\` before the quote character is removed here; other
 * backslashes stay for the escape pass. Scanning resumes right after the quote, as upstream does.
 */
function quotedValue(text: string, start: number): ValueScan {
  const quote = text[start] as "'" | '"';
  const value: Mapped = { text: '', from: [], to: [] };
  const push = (s: string, from: number, to: number) => {
    value.text += s;
    value.from.push(from);
    value.to.push(to);
  };
  let escape = -1;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === quote && escape < 0) {
      return { span: { start, end: i + 1 }, value, quote, next: i + 1 };
    }
    if (c === quote) push(c, escape, i + 1);
    else if (escape < 0 && c === '\\') {
      escape = i;
      continue;
    } else {
      if (escape >= 0) push('\\', escape, escape + 1);
      push(c, i, i + 1);
    }
    escape = -1;
  }
  const lineEnd = lineEndAt(text, start);
  const span = { start, end: lineEnd };
  return { error: { span, message: `unterminated quoted value ${text.slice(start, lineEnd)}` }, next: lineEnd + 1 };
}

const ESCAPES: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '"': '"', '\\': '\\' };

/** One escape sequence as upstream's expandEscapes rewrites it. */
function escapeValue(sequence: string): string {
  // `\$` becomes `$$`, which interpolation then turns into a literal `$`.
  if (sequence === '\\$') return '$$';
  if (sequence[1] === '0') {
    // `\0ddd` is read as Go's `\ddd`: exactly three octal digits up to 255, else left as `\ddd`.
    const digits = sequence.slice(2);
    const code = /^[0-7]{3}$/.test(digits) ? parseInt(digits, 8) : 256;
    return code <= 255 ? String.fromCharCode(code) : `\\${digits}`;
  }
  return ESCAPES[sequence[1]] ?? sequence;
}

function unescape(value: Mapped): Mapped {
  const out: Mapped = { text: '', from: [], to: [] };
  const copy = (s: string, from: number, to: number) => {
    out.text += s;
    for (let k = 0; k < s.length; k++) {
      out.from.push(from);
      out.to.push(to);
    }
  };
  let last = 0;
  for (const match of value.text.matchAll(/\\(?:[abcfnrtv$"\\]|0[0-9]{0,3})/g)) {
    for (let k = last; k < match.index; k++) copy(value.text[k], value.from[k], value.to[k]);
    copy(escapeValue(match[0]), value.from[match.index], value.to[match.index + match[0].length - 1]);
    last = match.index + match[0].length;
  }
  for (let k = last; k < value.text.length; k++) copy(value.text[k], value.from[k], value.to[k]);
  return out;
}

/** Template errors are never empty and lie inside the value, so both ends map. */
function sourceSpan(value: Mapped, span: Span): Span {
  return { start: value.from[span.start], end: value.to[span.end - 1] };
}

/** Interpolates a value; on failure compose keeps the text unexpanded and refuses the file. */
function expand(state: State, value: Mapped): string {
  const result = interpolate(value.text, state.lookup);
  if (result.ok) return result.value;
  state.errors.push({ span: sourceSpan(value, result.error.span), message: result.error.message });
  return value.text;
}

function addEntry(state: State, entry: Omit<EnvEntry, 'line' | 'rawValue'>): void {
  const rawValue = state.text.slice(entry.valueSpan.start, entry.valueSpan.end);
  state.entries.push({ ...entry, rawValue, line: state.lines.positionAt(entry.nameSpan.start).line });
  state.values.set(entry.name, entry.value);
}

/** `NAME=value` or `NAME: value` from the value's first character; returns where scanning resumes. */
function parseValue(state: State, name: string, nameSpan: Span, start: number, valid: boolean): number {
  const c = state.text[start];
  const scan = c === '"' || c === "'" ? quotedValue(state.text, start) : unquotedValue(state.text, start);
  if ('error' in scan) {
    state.errors.push(scan.error);
    return scan.next;
  }
  if (!valid) return scan.next;
  // Single quotes are literal; double quotes get escapes, then interpolation, as unquoted values do.
  const value = scan.quote === "'" ? scan.value.text
    : expand(state, scan.quote === '"' ? unescape(scan.value) : scan.value);
  addEntry(state, { name, value, nameSpan, valueSpan: scan.span });
  return scan.next;
}

/** A bare `NAME` line: compose takes its value from the lookup, or leaves it out. */
function inherit(state: State, name: string, nameSpan: Span): void {
  const value = state.lookup(name);
  if (value === undefined) return;
  addEntry(state, { name, value, nameSpan, valueSpan: { start: nameSpan.end, end: nameSpan.end }, inherited: true });
}

/** One statement from its first character; returns where scanning resumes. */
function parseStatement(state: State, pos: number): number {
  const { text } = state;
  const start = keyStart(text, pos);
  if (start >= text.length) {
    state.errors.push({ span: { start: pos, end: text.length }, message: 'zero length string: "export" must be followed by a variable name' });
    return text.length;
  }
  const key = scanKey(text, start);
  if ('bad' in key) {
    const line = JSON.stringify(text.slice(start, lineEndAt(text, start)));
    const message = `unexpected character ${JSON.stringify(key.char)} in variable name ${line}`;
    state.errors.push({ span: { start: key.bad, end: key.bad + key.char.length }, message });
    return lineEndAt(text, key.bad) + 1;
  }
  // Upstream quirk: a last line with no `=`, `:` or line break is a value for the empty name.
  if (!key.separator) return parseValue(state, '', { start, end: start }, start, true);
  let end = key.end;
  while (end > start && isUnicodeSpace(text.charCodeAt(end - 1))) end--;
  const name = text.slice(start, end);
  const nameSpan = { start, end };
  const valid = !name.includes(' ');
  if (!valid) state.errors.push({ span: nameSpan, message: 'key cannot contain a space' });
  if (key.separator === '\n') {
    if (valid) inherit(state, name, nameSpan);
    return key.end + 1;
  }
  return parseValue(state, name, nameSpan, skipLineSpace(text, key.end + 1), valid);
}

/**
 * Every assignment in an env file, in order (duplicates kept), and every line compose would refuse.
 * `lookup` (the environment) wins over the file's own earlier entries; `earlierFiles` is consulted last,
 * as compose does with several env files sharing one map.
 */
export function parseDotenv(text: string, lookup?: Lookup, earlierFiles?: Lookup): DotenvFile {
  const values = new Map<string, string>();
  const state: State = {
    text,
    lines: LineIndex.of(text),
    lookup: (name) => lookup?.(name) ?? values.get(name) ?? earlierFiles?.(name),
    values,
    entries: [],
    errors: [],
  };
  // Compose skips a UTF-8 byte order mark.
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while ((pos = statementStart(text, pos)) < text.length) pos = parseStatement(state, pos);
  return { entries: state.entries, errors: state.errors };
}
