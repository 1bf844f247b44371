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

const GROUPING_KEYWORDS = /\b(?:by|without|on|ignoring|group_left|group_right)\s*$/;
const NUMBER_BEFORE = /[<>=!+\-*/%^@,]$/;

type Bracket = '(' | 'grouping' | '[' | '{';

export function substituteTemplateVariables(expr: string): SubstitutedQuery {
  const variables: TemplateVariable[] = [];
  const brackets: Bracket[] = [];
  let text = '';
  let quote: string | undefined;
  let i = 0;
  while (i < expr.length) {
    const variable = matchVariable(expr, i);
    if (variable !== undefined) {
      const length = variable.span.end - variable.span.start;
      const kind = quote ? 'string' : placeholderKind(text, brackets[brackets.length - 1], expr.slice(variable.span.end));
      text += placeholder(kind, length);
      variables.push(variable);
      i = variable.span.end;
      continue;
    }
    const c = expr[i];
    if (quote !== undefined) {
      // Only an escaped quote or backslash is skipped: Grafana still interpolates `\$var`.
      if (c === '\\' && quote !== '`' && (expr[i + 1] === quote || expr[i + 1] === '\\')) {
        text += expr.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c === '(') brackets.push(GROUPING_KEYWORDS.test(text) ? 'grouping' : '(');
    else if (c === '[' || c === '{') brackets.push(c);
    else if (c === ')' || c === ']' || c === '}') brackets.pop();
    text += c;
    i++;
  }
  return { text, variables };
}

function matchVariable(expr: string, at: number): TemplateVariable | undefined {
  for (const re of [BRACED, BARE, BRACKETED]) {
    re.lastIndex = at;
    const m = re.exec(expr);
    // `$1`, `${1}`: capture group references in label_replace and regex replacements, not variables.
    if (m === null || /^\d+$/.test(m[1])) continue;
    return { name: m[1], ...(m[2] === undefined ? {} : { format: m[2] }), span: { start: at, end: at + m[0].length } };
  }
  return undefined;
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
