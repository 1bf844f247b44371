// Compose variable interpolation, behaving as compose-go's template package (template/template.go),
// with the offsets an editor needs to point at references and errors.
import type { Span } from '../diagnostic';

export type Modifier = ':-' | '-' | ':?' | '?' | ':+' | '+';

export interface VariableReference {
  name: string;
  /** Offsets in the scanned text of the whole `$NAME` or `${...}`. */
  span: Span;
  nameSpan: Span;
  braced: boolean;
  modifier?: Modifier;
  /** Raw text after the modifier: default, error message or alternative. */
  argument?: string;
  argumentSpan?: Span;
  /** References inside the argument, offsets in the same text. */
  nested: VariableReference[];
}

export interface TemplateError {
  span: Span;
  message: string;
}

export type Lookup = (name: string) => string | undefined;

export type InterpolationResult =
  | { ok: true; value: string }
  | { ok: false; error: TemplateError; missingRequired?: string };

/** What compose-go's pattern matches at a `$`: an escape, a reference, or an invalid `${`. */
type Segment =
  | { kind: 'escape'; span: Span }
  | { kind: 'invalid'; span: Span; error: TemplateError; resume: number }
  | { kind: 'reference'; span: Span; ref: VariableReference; argument: Segment[] };

const DOLLAR = 0x24;
const LBRACE = 0x7b;
const RBRACE = 0x7d;

// Go's stack grows, ours does not: past this depth an argument is reported instead of scanned.
const MAX_DEPTH = 200;

// compose-go matches names with (?i)[_a-z]: Go's case folding also admits ſ (U+017F) and K (U+212A).
function isNameStart(c: number): boolean {
  return c === 0x5f || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x17f || c === 0x212a;
}

function isNameChar(c: number): boolean {
  return isNameStart(c) || (c >= 0x30 && c <= 0x39);
}

/** The end of the line holding `from`, bounded by `to`, and the last `}` before it, cached per line. */
interface LineFacts {
  end: number;
  lastBrace: number;
}

function lineFactsAt(text: string, from: number, to: number, cached: LineFacts): LineFacts {
  if (from <= cached.end) return cached;
  const nl = text.indexOf('\n', from);
  const end = nl < 0 || nl > to ? to : nl;
  return { end, lastBrace: text.lastIndexOf('}', end - 1) };
}

/** Upstream's invalid match is the `${` alone, so scanning resumes after it unless told otherwise. */
function invalid(span: Span, reason: string, resume = span.start + 2): Segment {
  const message = `invalid interpolation format: ${reason}. You may need to escape any $ with another $.`;
  return { kind: 'invalid', span, error: { span, message }, resume };
}

function quoted(s: string): string {
  return `"${s}"`;
}

function charAt(text: string, i: number): string {
  return String.fromCodePoint(text.codePointAt(i)!);
}

function modifierAt(text: string, i: number, to: number): Modifier | undefined {
  const first = i < to ? text[i] : '';
  const second = i + 1 < to ? text[i + 1] : '';
  if (first === ':' && (second === '-' || second === '?' || second === '+')) return (first + second) as Modifier;
  if (first === '-' || first === '?' || first === '+') return first as Modifier;
  return undefined;
}

/**
 * compose-go's getFirstBraceClosingIndex over text[from, to): the `}` that balances the opening `${`.
 * Like upstream it skips the character after each `{`, so `{}` inside a default does not nest.
 */
function firstClosingBrace(text: string, from: number, to: number): number {
  let depth = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === RBRACE && --depth === 0) return i;
    if (c === LBRACE) {
      depth++;
      i++;
    }
  }
  return -1;
}

/** A `${` with no valid name, or a name followed by neither `}` nor a modifier. */
function invalidBraced(text: string, dollar: number, nameEnd: number, to: number): Segment {
  const nameStart = dollar + 2;
  if (nameStart >= to) return invalid({ start: dollar, end: nameStart }, `"\${" is not closed`);
  if (nameEnd === nameStart) {
    if (text.charCodeAt(nameStart) === RBRACE) {
      return invalid({ start: dollar, end: nameStart + 1 }, `"\${}" has no variable name`);
    }
    const ch = charAt(text, nameStart);
    const reason = `a variable name must start with a letter or "_", not ${quoted(ch)}`;
    return invalid({ start: dollar, end: nameStart + ch.length }, reason);
  }
  const head = text.slice(dollar, nameEnd);
  if (nameEnd >= to) return invalid({ start: dollar, end: nameEnd }, `${quoted(head)} is missing its closing "}"`);
  const ch = charAt(text, nameEnd);
  const reason = `unexpected ${quoted(ch)} after ${quoted(head)}: expected "}" or a modifier (:- - :? ? :+ +)`;
  return invalid({ start: dollar, end: nameEnd + ch.length }, reason);
}

function reference(text: string, dollar: number, nameEnd: number, end: number, braced: boolean): VariableReference {
  const nameStart = dollar + (braced ? 2 : 1);
  return {
    name: text.slice(nameStart, nameEnd),
    span: { start: dollar, end },
    nameSpan: { start: nameStart, end: nameEnd },
    braced,
    nested: [],
  };
}

interface ScanContext {
  text: string;
  to: number;
  depth: number;
  line: LineFacts;
}

/**
 * `${NAME<modifier>...}`. Upstream's regex takes the argument up to the last `}` on the line, then cuts
 * the match at the balancing brace; the text after the cut is interpolated on its own, as ours is.
 */
function scanBraced(ctx: ScanContext, dollar: number): Segment {
  const { text, to } = ctx;
  const nameStart = dollar + 2;
  let nameEnd = nameStart;
  if (nameStart < to && isNameStart(text.charCodeAt(nameStart))) {
    nameEnd++;
    while (nameEnd < to && isNameChar(text.charCodeAt(nameEnd))) nameEnd++;
  }
  if (nameEnd > nameStart && nameEnd < to && text.charCodeAt(nameEnd) === RBRACE) {
    const ref = reference(text, dollar, nameEnd, nameEnd + 1, true);
    return { kind: 'reference', span: ref.span, ref, argument: [] };
  }
  const modifier = nameEnd > nameStart ? modifierAt(text, nameEnd, to) : undefined;
  if (!modifier) return invalidBraced(text, dollar, nameEnd, to);
  const argStart = nameEnd + modifier.length;
  ctx.line = lineFactsAt(text, argStart, to, ctx.line);
  if (ctx.line.lastBrace < argStart) {
    const head = quoted(text.slice(dollar, argStart));
    return invalid({ start: dollar, end: ctx.line.end }, `${head} is not closed by a "}" on the same line`);
  }
  const close = firstClosingBrace(text, dollar, ctx.line.lastBrace + 1);
  const argEnd = close < 0 ? ctx.line.lastBrace : close;
  if (ctx.depth >= MAX_DEPTH) {
    const span = { start: dollar, end: argEnd + 1 };
    return invalid(span, `more than ${MAX_DEPTH} nested variables`, span.end);
  }
  const ref = reference(text, dollar, nameEnd, argEnd + 1, true);
  const argument = scanSegments(text, argStart, argEnd, ctx.depth + 1);
  ref.modifier = modifier;
  ref.argument = text.slice(argStart, argEnd);
  ref.argumentSpan = { start: argStart, end: argEnd };
  ref.nested = referencesIn(argument);
  return { kind: 'reference', span: ref.span, ref, argument };
}

function scanAt(ctx: ScanContext, dollar: number): Segment | undefined {
  const { text } = ctx;
  const next = text.charCodeAt(dollar + 1);
  if (next === DOLLAR) return { kind: 'escape', span: { start: dollar, end: dollar + 2 } };
  if (next === LBRACE) return scanBraced(ctx, dollar);
  if (!isNameStart(next)) return undefined;
  let end = dollar + 2;
  while (end < ctx.to && isNameChar(text.charCodeAt(end))) end++;
  const ref = reference(text, dollar, end, end, false);
  return { kind: 'reference', span: ref.span, ref, argument: [] };
}

/** Every match of compose-go's pattern in text[from, to), left to right. */
function scanSegments(text: string, from: number, to: number, depth: number): Segment[] {
  const ctx: ScanContext = { text, to, depth, line: { end: -1, lastBrace: -1 } };
  const segments: Segment[] = [];
  let i = from;
  for (;;) {
    const dollar = text.indexOf('$', i);
    if (dollar < 0 || dollar + 1 >= to) return segments;
    const segment = scanAt(ctx, dollar);
    if (!segment) {
      i = dollar + 1;
      continue;
    }
    segments.push(segment);
    i = segment.kind === 'invalid' ? segment.resume : segment.span.end;
  }
}

function collectErrors(segments: Segment[], errors: TemplateError[]): void {
  for (const s of segments) {
    if (s.kind === 'invalid') errors.push(s.error);
    if (s.kind === 'reference') collectErrors(s.argument, errors);
  }
}

/** The references among segments, in a list of their number: scans are kept, room to grow would be kept with them. */
function referencesIn(segments: Segment[]): VariableReference[] {
  return segments.filter((s) => s.kind === 'reference').map((s) => s.ref);
}

const NO_ERRORS: readonly TemplateError[] = Object.freeze([]);

/**
 * The references and syntax errors in a text. Errors include those inside arguments, which compose
 * only meets when it evaluates that argument.
 */
export function scanTemplate(text: string): { references: VariableReference[]; errors: readonly TemplateError[] } {
  const segments = scanSegments(text, 0, text.length, 0);
  const errors: TemplateError[] = [];
  collectErrors(segments, errors);
  return { references: referencesIn(segments), errors: errors.length > 0 ? errors : NO_ERRORS };
}

function evaluate(text: string, segments: Segment[], span: Span, lookup: Lookup): InterpolationResult {
  let value = '';
  let pos = span.start;
  for (const s of segments) {
    if (s.kind === 'invalid') return { ok: false, error: s.error };
    value += text.slice(pos, s.span.start);
    if (s.kind === 'escape') value += '$';
    else {
      const resolved = resolve(text, s.ref, s.argument, lookup);
      if (!resolved.ok) return resolved;
      value += resolved.value;
    }
    pos = s.span.end;
  }
  return { ok: true, value: value + text.slice(pos, span.end) };
}

function missingRequired(ref: VariableReference, reason: InterpolationResult): InterpolationResult {
  if (!reason.ok) return reason;
  const suffix = reason.value === '' ? '' : `: ${reason.value}`;
  const message = `required variable ${ref.name} is missing a value${suffix}`;
  return { ok: false, error: { span: ref.span, message }, missingRequired: ref.name };
}

/** One reference's value; its argument is evaluated only when used, as upstream does. */
function resolve(text: string, ref: VariableReference, argument: Segment[], lookup: Lookup): InterpolationResult {
  const value = lookup(ref.name);
  const set = value !== undefined;
  const nonEmpty = set && value !== '';
  const arg = () => evaluate(text, argument, ref.argumentSpan!, lookup);
  const ok = (v: string): InterpolationResult => ({ ok: true, value: v });
  switch (ref.modifier) {
    case undefined: return ok(value ?? '');
    case ':-': return nonEmpty ? ok(value) : arg();
    case '-': return set ? ok(value) : arg();
    case ':+': return nonEmpty ? arg() : ok('');
    case '+': return set ? arg() : ok('');
    case ':?': return nonEmpty ? ok(value) : missingRequired(ref, arg());
    case '?': return set ? ok(value) : missingRequired(ref, arg());
  }
}

/** The text with its variables substituted, or the first error compose-go would return. */
export function interpolate(text: string, lookup: Lookup): InterpolationResult {
  return evaluate(text, scanSegments(text, 0, text.length, 0), { start: 0, end: text.length }, lookup);
}
