// What parsing a PromQL or LogQL expression gives the checks: the first syntax error, the label
// matchers and line filters with spans in the original expression, and the template variables.
// The lezer parsers ship ESM typings: take @lezer/common's types from the same (import) resolution.
import type { Tree } from '@lezer/common' with { 'resolution-mode': 'import' };
import type { Span } from '../diagnostic';
import type { Anchoring } from '../patterns/re2';
import { GenerationCache } from './generationCache';
import { readTree, type NodeGroup, type TreeFindings } from './parseTree';
import { shapeKey } from './queryShape';
import type { DecodedString } from './decodedString';
import { decodeQueryString } from './queryString';
import { substituteTemplateVariables, touchesVariable, type TemplateVariable } from './templateVariables';

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

/** What one language adds to the shared parse: its lezer parser and how it reads matchers and filters. */
export interface QueryGrammar {
  language: QueryLanguage;
  parse(text: string): Tree;
  /** The node of a string literal. */
  stringNode: string;
  /** The nodes `read` needs, with their descendants. */
  groups: ReadonlySet<string>;
  read(groups: NodeGroup[], source: ValueSource): Pick<ParsedQuery, 'matchers' | 'lineFilters'>;
}

// The findings of one parse serve every query of the same shape (the same tokens, strings aside):
// a dashboard repeats a few queries over many services, and the parse is most of a query's cost.
// One cache per language, so a shape is its own key (no key string built per query).
const shapes: Record<QueryLanguage, GenerationCache<TreeFindings>> = { promql: new GenerationCache(1_000), logql: new GenerationCache(1_000) };

export function parseWith(grammar: QueryGrammar, expr: string): ParsedQuery {
  const { text, variables } = substituteTemplateVariables(expr);
  const shape = shapeKey(text);
  const cache = shapes[grammar.language];
  let findings = shape === undefined ? undefined : cache.get(shape);
  if (findings === undefined) {
    findings = readTree(grammar.parse(text), text, grammar.language, grammar.stringNode, grammar.groups);
    // A syntax error's message quotes the text: only a parse without one is the same for every query.
    if (shape !== undefined && findings.errors.length === 0) cache.set(shape, findings);
  }
  const error = firstError(findings.errors, variables);
  const { matchers, lineFilters } = grammar.read(findings.groups, { original: expr, language: grammar.language, variables });
  return { language: grammar.language, errors: error ? [error] : [], matchers, lineFilters, variables };
}

/** The first problem that is not at a variable (there, it is our placeholder's doing). */
function firstError(errors: QuerySyntaxError[], variables: TemplateVariable[]): QuerySyntaxError | undefined {
  let first: QuerySyntaxError | undefined;
  for (let i = 0; i < errors.length; i++) {
    const error = errors[i];
    if (!touchesVariable(variables, error.span) && (first === undefined || error.span.start < first.span.start)) first = error;
  }
  return first;
}

export function spanOf(node: { from: number; to: number }): Span {
  return { start: node.from, end: node.to };
}

/** Where a language reads string values from: the original expression (not the substituted text). */
export interface ValueSource {
  original: string;
  language: QueryLanguage;
  variables: TemplateVariable[];
}

type Literal = { from: number; to: number };

/** Decodes the string literal at `from..to` of the original expression. */
export function readValue(literal: Literal, source: ValueSource): QueryValue {
  return new QueryString(literal, source);
}

export function labelMatcher(literal: Literal, source: ValueSource, fields: Omit<LabelMatcher, keyof QueryValue>): LabelMatcher {
  return new Matcher(literal, source, fields);
}

export function lineFilter(literal: Literal, source: ValueSource, fields: Omit<LineFilter, keyof QueryValue>): LineFilter {
  return new Filter(literal, source, fields);
}

// Classes, not objects with closures: values stay cached by the thousand, and a closure per value
// would be two more objects each.
class QueryString implements QueryValue {
  readonly value: string;
  readonly valueSpan: Span;
  readonly containsVariable: boolean;
  /** Undefined for a plain literal (most are): its value is its text between the quotes. */
  private readonly decoded: DecodedString | undefined;

  constructor({ from, to }: Literal, { original, language, variables }: ValueSource) {
    if (isPlainLiteral(original, from, to)) {
      this.decoded = undefined;
      this.value = original.slice(from + 1, to - 1);
    } else {
      this.decoded = decodeQueryString(original.slice(from, to), language);
      this.value = this.decoded.value;
    }
    this.valueSpan = { start: from, end: to };
    let containsVariable = false;
    for (let i = 0; i < variables.length; i++) if (variables[i].span.start >= from && variables[i].span.end <= to) containsVariable = true;
    this.containsVariable = containsVariable;
  }

  valueToOriginal(offset: number): number {
    const { start, end } = this.valueSpan;
    if (this.decoded !== undefined) return start + this.decoded.toRaw(offset);
    // Each character after the opening quote; the end (and past it) is the closing quote.
    const k = Math.max(0, Math.floor(offset));
    return k < this.value.length ? start + 1 + k : end - 1;
  }
}

/** A closed literal without escapes: its value is its text between the quotes, offsets one apart. */
function isPlainLiteral(original: string, from: number, to: number): boolean {
  const quote = original.charCodeAt(from);
  if ((quote !== 34 && quote !== 39 && quote !== 96) || to - from < 2 || original.charCodeAt(to - 1) !== quote) return false;
  if (quote === 96) return true;
  const slash = original.indexOf('\\', from + 1);
  return slash === -1 || slash >= to;
}

class Matcher extends QueryString implements LabelMatcher {
  readonly label: string;
  readonly labelSpan: Span;
  readonly op: MatchOp;
  readonly opSpan: Span;
  readonly context: MatcherContext;
  readonly anchoring: Anchoring;

  constructor(literal: Literal, source: ValueSource, fields: Omit<LabelMatcher, keyof QueryValue>) {
    super(literal, source);
    this.label = fields.label;
    this.labelSpan = fields.labelSpan;
    this.op = fields.op;
    this.opSpan = fields.opSpan;
    this.context = fields.context;
    this.anchoring = fields.anchoring;
  }
}

class Filter extends QueryString implements LineFilter {
  readonly op: LineFilterOp;
  readonly opSpan: Span;
  readonly isRegex: boolean;
  readonly anchoring: Anchoring;

  constructor(literal: Literal, source: ValueSource, fields: Omit<LineFilter, keyof QueryValue>) {
    super(literal, source);
    this.op = fields.op;
    this.opSpan = fields.opSpan;
    this.isRegex = fields.isRegex;
    this.anchoring = fields.anchoring;
  }
}
