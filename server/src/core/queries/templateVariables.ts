// Grafana template variables in queries ($var, ${var}, ${var:format}, ${var.field}, [[var]], and the
// built-ins $__interval, $__rate_interval, $__range, $__auto …), replaced by placeholders the
// PromQL/LogQL parsers accept where they stand. Each placeholder has the length of the variable it
// replaces, so every offset in the substituted text is the same offset in the original expression.
import type { Span } from '../diagnostic';

export interface TemplateVariable {
  name: string;
  /** The `:format` of `${var:format}` or `[[var:format]]`, e.g. `regex`, `pipe`, `date:seconds`. */
  format?: string;
  span: Span;
}

export interface SubstitutedQuery {
  /** Same length as the original: offsets need no mapping. */
  text: string;
  variables: TemplateVariable[];
}

const GROUPING_KEYWORDS = ['by', 'without', 'on', 'ignoring', 'group_left', 'group_right'];
const OFFSET = ['offset'];
const NUMBER_BEFORE = new Set([...'<>=!+-*/%^@,'].map((c) => c.charCodeAt(0)));

type Bracket = '(' | 'grouping' | '[' | '{';

export function substituteTemplateVariables(expr: string): SubstitutedQuery {
  // Most queries have none: their text is the query.
  if (!expr.includes('$') && !expr.includes('[[')) return { text: expr, variables: [] };
  const variables: TemplateVariable[] = [];
  const brackets: Bracket[] = [];
  // The substituted text so far is `text` then expr[copied, i): it is only built at a variable.
  let text = '';
  let copied = 0;
  const charAt = (p: number) => (p < copied ? text.charCodeAt(p) : expr.charCodeAt(p));
  let quote: string | undefined;
  let i = 0;
  while (i < expr.length) {
    const c = expr[i];
    const variable = c === '$' || c === '[' ? matchVariable(expr, i) : undefined;
    if (variable !== undefined) {
      const { start, end } = variable.span;
      const kind = quote ? 'string' : placeholderKind(charAt, start, brackets[brackets.length - 1], expr, end);
      text += expr.slice(copied, start) + placeholder(kind, end - start);
      copied = i = end;
      variables.push(variable);
      continue;
    }
    if (quote !== undefined) {
      // Only an escaped quote or backslash is skipped: Grafana still interpolates `\$var`.
      if (c === '\\' && quote !== '`' && (expr[i + 1] === quote || expr[i + 1] === '\\')) {
        i += 2;
        continue;
      }
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(') brackets.push(keywordBefore(charAt, i, GROUPING_KEYWORDS) ? 'grouping' : '(');
    else if (c === '[' || c === '{') brackets.push(c);
    else if (c === ')' || c === ']' || c === '}') brackets.pop();
    i++;
  }
  return { text: text + expr.slice(copied), variables };
}

/**
 * Grafana's own three forms at `at`, read as its regexes do (public/app/features/variables/utils.ts):
 * `\$\{(\w+)(?:\.[^:}]+)?(?::([^}]+))?\}`, `\$(\w+)` and `\[\[(\w+?)(?::(\w+))?\]\]`.
 */
function matchVariable(expr: string, at: number): TemplateVariable | undefined {
  if (expr[at] === '[') return bracketed(expr, at);
  if (expr[at + 1] === '{') return braced(expr, at);
  const end = wordEnd(expr, at + 1);
  return end > at + 1 ? named(expr.slice(at + 1, end), undefined, at, end) : undefined;
}

/** `${name}`, `${name.field}`, `${name:format}`. */
function braced(expr: string, at: number): TemplateVariable | undefined {
  const nameEnd = wordEnd(expr, at + 2);
  if (nameEnd === at + 2) return undefined;
  let i = nameEnd;
  if (expr[i] === '.') {
    let fieldEnd = i + 1;
    while (fieldEnd < expr.length && expr[fieldEnd] !== ':' && expr[fieldEnd] !== '}') fieldEnd++;
    if (fieldEnd === i + 1) return undefined;
    i = fieldEnd;
  }
  let format: string | undefined;
  if (expr[i] === ':') {
    const close = expr.indexOf('}', i + 1);
    if (close <= i + 1) return undefined;
    format = expr.slice(i + 1, close);
    i = close;
  }
  return expr[i] === '}' ? named(expr.slice(at + 2, nameEnd), format, at, i + 1) : undefined;
}

/** `[[name]]`, `[[name:format]]`. */
function bracketed(expr: string, at: number): TemplateVariable | undefined {
  if (expr[at + 1] !== '[') return undefined;
  const nameEnd = wordEnd(expr, at + 2);
  if (nameEnd === at + 2) return undefined;
  let i = nameEnd;
  let format: string | undefined;
  if (expr[i] === ':') {
    const formatEnd = wordEnd(expr, i + 1);
    if (formatEnd === i + 1) return undefined;
    format = expr.slice(i + 1, formatEnd);
    i = formatEnd;
  }
  return expr[i] === ']' && expr[i + 1] === ']' ? named(expr.slice(at + 2, nameEnd), format, at, i + 2) : undefined;
}

/** `$1`, `${1}`: capture group references in label_replace and regex replacements, not variables. */
function named(name: string, format: string | undefined, start: number, end: number): TemplateVariable | undefined {
  if (/^\d+$/.test(name)) return undefined;
  return format === undefined ? { name, span: { start, end } } : { name, format, span: { start, end } };
}

function wordEnd(text: string, from: number): number {
  let i = from;
  while (isWordChar(text.charCodeAt(i))) i++;
  return i;
}

/** Whether the text before `end` ends with one of the words and spaces (`/\b(?:by|on|…)\s*$/`). */
function keywordBefore(charAt: (p: number) => number, end: number, words: readonly string[]): boolean {
  let wordEnd = end;
  while (wordEnd > 0 && isSpace(charAt(wordEnd - 1))) wordEnd--;
  let wordStart = wordEnd;
  while (wordStart > 0 && wordEnd - wordStart <= 11 && isWordChar(charAt(wordStart - 1))) wordStart--;
  if (wordStart > 0 && isWordChar(charAt(wordStart - 1))) return false;
  next: for (const word of words) {
    if (word.length !== wordEnd - wordStart) continue;
    for (let k = 0; k < word.length; k++) if (word.charCodeAt(k) !== charAt(wordStart + k)) continue next;
    return true;
  }
  return false;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/** `\s`: ECMAScript white space and line terminators. */
function isSpace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

type PlaceholderKind = 'string' | 'identifier' | 'number' | 'duration';

/** What the parser expects where the variable (`start`..`end`) stands, judged from the text around it. */
function placeholderKind(charAt: (p: number) => number, start: number, bracket: Bracket | undefined, expr: string, end: number): PlaceholderKind {
  if (bracket === '[' || keywordBefore(charAt, start, OFFSET)) return isAsciiLetter(expr.charCodeAt(end)) ? 'number' : 'duration';
  if (bracket === 'grouping' || bracket === '{') return 'identifier';
  let before = start;
  while (before > 0 && isSpace(charAt(before - 1))) before--;
  const previous = before > 0 ? charAt(before - 1) : -1;
  if (NUMBER_BEFORE.has(previous)) return 'number';
  let after = end;
  while (after < expr.length && isSpace(expr.charCodeAt(after))) after++;
  return previous === 40 && expr[after] === ',' ? 'number' : 'identifier';
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function placeholder(kind: PlaceholderKind, length: number): string {
  switch (kind) {
    case 'string':
      return 'x'.repeat(length);
    case 'identifier':
      return '_'.repeat(length);
    case 'number':
      return '0'.repeat(length - 1) + '1';
    case 'duration':
      return '0'.repeat(length - 2) + '1s';
  }
}

/** Whether a span overlaps or touches a variable: findings there are about our placeholder, not the query. */
export function touchesVariable(variables: TemplateVariable[], span: Span): boolean {
  return variables.some((v) => span.start <= v.span.end && v.span.start <= span.end);
}
