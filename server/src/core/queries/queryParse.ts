// What parsing a PromQL or LogQL expression gives the checks: the first syntax error, the label
// matchers and line filters with spans in the original expression, and the template variables.
// The lezer parsers ship ESM typings: take @lezer/common's types from the same (import) resolution.
import type { Tree, SyntaxNode, SyntaxNodeRef } from '@lezer/common' with { 'resolution-mode': 'import' };
import type { Span } from '../diagnostic';
import type { Anchoring } from '../patterns/re2';
import { decodeQueryString } from './queryString';
import { touchesVariable, type TemplateVariable } from './templateVariables';

export type QueryLanguage = 'promql' | 'logql';
export type MatchOp = '=' | '!=' | '=~' | '!~';
export type MatcherContext = 'promql-selector' | 'logql-stream-selector' | 'logql-label-filter';

export interface QuerySyntaxError {
  span: Span;
  message: string;
}

/** A string value in the query, decoded, with the way back to the original characters. */
export interface QueryValue {
  value: string;
  /** The string literal, quotes included. */
  valueSpan: Span;
  /** Original offset of a UTF-16 offset in `value`. */
  valueToOriginal(offset: number): number;
  /** A template variable stands in the value: its text is not what the data source will see. */
  containsVariable: boolean;
}

export interface LabelMatcher extends QueryValue {
  label: string;
  labelSpan: Span;
  op: MatchOp;
  opSpan: Span;
  context: MatcherContext;
  /** How `=~`/`!~` apply the value; all matcher regexes are anchored. */
  anchoring: Anchoring;
}

export type LineFilterOp = '|=' | '!=' | '|~' | '!~' | '|>' | '!>' | 'regexp' | 'pattern';

export interface LineFilter extends QueryValue {
  op: LineFilterOp;
  opSpan: Span;
  /** `|~`, `!~` and `regexp` take an RE2 regex. */
  isRegex: boolean;
  /** Line filters and `regexp` stages search the line: never anchored. */
  anchoring: Anchoring;
}

export interface ParsedQuery {
  language: QueryLanguage;
  /** At most one: after the first, error recovery mostly reports its own guesses. */
  errors: QuerySyntaxError[];
  matchers: LabelMatcher[];
  lineFilters: LineFilter[];
  variables: TemplateVariable[];
}

export function spanOf(node: SyntaxNode): Span {
  return { start: node.from, end: node.to };
}

/** Decodes a string literal node of the substituted text, reading the original characters. */
export function readValue(node: SyntaxNode, original: string, language: QueryLanguage, variables: TemplateVariable[]): QueryValue {
  // Only numbers and the decoded mapping are kept: a closure over the node would keep its tree alive.
  const { from, to } = node;
  const decoded = decodeQueryString(original.slice(from, to), language);
  return {
    value: decoded.value,
    valueSpan: { start: from, end: to },
    valueToOriginal: (offset) => from + decoded.toRaw(offset),
    containsVariable: variables.some((v) => v.span.start >= from && v.span.end <= to),
  };
}

/**
 * One pass over a parsed query: `visit` sees every node, and the result is the first syntax
 * problem, a lezer error node or a string literal the real lexer rejects (unterminated, unknown
 * escape such as `\d`). Problems at a variable are our placeholder's doing.
 */
export function walkQuery(
  tree: Tree,
  text: string,
  language: QueryLanguage,
  stringNode: string,
  variables: TemplateVariable[],
  visit: (ref: SyntaxNodeRef) => void,
): QuerySyntaxError | undefined {
  let first: QuerySyntaxError | undefined;
  const consider = (error: QuerySyntaxError) => {
    if (touchesVariable(variables, error.span)) return;
    if (first === undefined || error.span.start < first.span.start) first = error;
  };
  tree.iterate({
    enter: (ref) => {
      if (ref.type.isError) consider(describeErrorNode(text, ref.from, ref.to));
      else if (ref.name === stringNode) {
        const error = decodeQueryString(text.slice(ref.from, ref.to), language).error;
        if (error) consider({ span: { start: ref.from + error.span.start, end: ref.from + error.span.end }, message: error.message });
      }
      visit(ref);
    },
  });
  return first;
}

const TOKEN = /^(?:[A-Za-z_:][\w:]*|\d[\w.]*|=~|!~|!=|\|=|\|~|\|>|!>|==|>=|<=|"[^"]*"?|'[^']*'?|`[^`]*`?|\S)/;

/** An empty error node (something missing) is reported on the token that follows it. */
function describeErrorNode(text: string, from: number, to: number): QuerySyntaxError {
  if (from === to && text.slice(from).trim() === '') {
    const unclosed = unclosedBracket(text);
    return { span: { start: from, end: to }, message: unclosed ? `expected \`${CLOSERS[unclosed]}\`` : 'unexpected end of expression' };
  }
  const start = from === to ? from + (text.slice(from).length - text.slice(from).trimStart().length) : from;
  // lezer-logql has no token for a string without its closing quote: it errors on the quote.
  const quote = text[start];
  if ((quote === '"' || quote === "'" || quote === '`') && !text.includes(quote, start + 1)) {
    return { span: { start, end: text.length }, message: 'unterminated quoted string' };
  }
  const token = from < to ? text.slice(from, to) : (TOKEN.exec(text.slice(start))?.[0] ?? '');
  const shown = token.length > 30 ? `${token.slice(0, 30)}…` : token;
  const message = token.length === 1 && !/\w/.test(token) ? `unexpected character \`${shown}\`` : `unexpected \`${shown}\``;
  return { span: { start, end: start + token.length }, message };
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** The innermost bracket still open at the end of the text, strings skipped. */
function unclosedBracket(text: string): string | undefined {
  const open: string[] = [];
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if (c in CLOSERS) open.push(c);
    else if (c === ')' || c === ']' || c === '}') open.pop();
  }
  return open[open.length - 1];
}
