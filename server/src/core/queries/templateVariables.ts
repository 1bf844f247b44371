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

// Grafana's own three forms (public/app/features/variables/utils.ts), anchored at one position.
const BRACED = /\$\{(\w+)(?:\.[^:}]+)?(?::([^}]+))?\}/y;
const BARE = /\$(\w+)/y;
const BRACKETED = /\[\[(\w+?)(?::(\w+))?\]\]/y;
const DOLLAR_FORMS = [BRACED, BARE];
const BRACKET_FORMS = [BRACKETED];

const GROUPING_KEYWORDS = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const NUMBER_BEFORE = /[<>=!+\-*/%^@,]$/;

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
      const before = text + expr.slice(copied, i);
      const kind = quote ? 'string' : placeholderKind(before, brackets[brackets.length - 1], expr.slice(variable.span.end));
      text = before + placeholder(kind, variable.span.end - variable.span.start);
      copied = i = variable.span.end;
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
    else if (c === '(') brackets.push(groupingKeywordBefore(charAt, i) ? 'grouping' : '(');
    else if (c === '[' || c === '{') brackets.push(c);
    else if (c === ')' || c === ']' || c === '}') brackets.pop();
    i++;
  }
  return { text: text + expr.slice(copied), variables };
}

function matchVariable(expr: string, at: number): TemplateVariable | undefined {
  for (const re of expr[at] === '$' ? DOLLAR_FORMS : BRACKET_FORMS) {
    re.lastIndex = at;
    const m = re.exec(expr);
    // `$1`, `${1}`: capture group references in label_replace and regex replacements, not variables.
    if (m === null || /^\d+$/.test(m[1])) continue;
    return { name: m[1], ...(m[2] === undefined ? {} : { format: m[2] }), span: { start: at, end: at + m[0].length } };
  }
  return undefined;
}

/** Whether the text before `end` ends with `by`, `on`, `without` … and spaces (`/\b(?:by|…)\s*$/`). */
function groupingKeywordBefore(charAt: (p: number) => number, end: number): boolean {
  let wordEnd = end;
  while (wordEnd > 0 && isSpace(charAt(wordEnd - 1))) wordEnd--;
  let wordStart = wordEnd;
  while (wordStart > 0 && wordEnd - wordStart <= 11 && isWordChar(charAt(wordStart - 1))) wordStart--;
  if (wordStart > 0 && isWordChar(charAt(wordStart - 1))) return false;
  let word = '';
  for (let p = wordStart; p < wordEnd; p++) word += String.fromCharCode(charAt(p));
  return GROUPING_KEYWORDS.has(word);
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

/** What the parser expects where the variable stands, judged from the text around it. */
function placeholderKind(before: string, bracket: Bracket | undefined, after: string): PlaceholderKind {
  if (bracket === '[' || /\boffset\s*$/.test(before)) return /^[a-z]/i.test(after) ? 'number' : 'duration';
  if (bracket === 'grouping' || bracket === '{') return 'identifier';
  const prev = before.trimEnd();
  if (NUMBER_BEFORE.test(prev) || (prev.endsWith('(') && after.trimStart().startsWith(','))) return 'number';
  return 'identifier';
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
