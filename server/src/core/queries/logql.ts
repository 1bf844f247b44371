// LogQL through @grafana/lezer-logql: syntax errors, stream selector and label filter matchers,
// line filters and the strings of `regexp` and `pattern` stages.
import { parser } from '@grafana/lezer-logql';
// The lezer parsers ship ESM typings: take @lezer/common's types from the same (import) resolution.
import type { SyntaxNode } from '@lezer/common' with { 'resolution-mode': 'import' };
import { substituteTemplateVariables, type TemplateVariable } from './templateVariables';
import { readValue, spanOf, walkQuery, type LabelMatcher, type LineFilter, type LineFilterOp, type MatchOp, type ParsedQuery } from './queryParse';

export function parseLogQL(expr: string): ParsedQuery {
  const { text, variables } = substituteTemplateVariables(expr);
  const matchers: LabelMatcher[] = [];
  const lineFilters: LineFilter[] = [];
  const error = walkQuery(parser.parse(text), text, 'logql', 'String', variables, (ref) => {
    if (ref.name === 'Matcher') {
      const matcher = readMatcher(ref.node, expr, variables);
      if (matcher) matchers.push(matcher);
    } else if (ref.name === 'LineFilter') lineFilters.push(...readLineFilter(ref.node, expr, variables));
    else if (ref.name === 'LabelParser') lineFilters.push(...readParserStage(ref.node, expr, variables));
  });
  return { language: 'logql', errors: error ? [error] : [], matchers, lineFilters, variables };
}

function readMatcher(node: SyntaxNode, expr: string, variables: TemplateVariable[]): LabelMatcher | undefined {
  const name = node.getChild('Identifier');
  const value = node.getChild('String');
  const op = name?.nextSibling;
  if (!name || !value || !op || op.to > value.from) return undefined;
  return {
    label: expr.slice(name.from, name.to),
    labelSpan: spanOf(name),
    op: expr.slice(op.from, op.to) as MatchOp,
    opSpan: spanOf(op),
    // Matchers outside the `{…}` selector are pipeline label filters (also `drop`/`keep` ones).
    context: node.parent?.name === 'Matchers' ? 'logql-stream-selector' : 'logql-label-filter',
    anchoring: 'anchored',
    ...readValue(value, expr, 'logql', variables),
  };
}

/** `|= "a" or "b"` gives one filter per string, all with the same operator. */
function readLineFilter(node: SyntaxNode, expr: string, variables: TemplateVariable[]): LineFilter[] {
  const filter = node.getChild('Filter');
  // `|= ip("…")` matches addresses, not text.
  if (!filter || node.getChild('FilterOp')) return [];
  const op = expr.slice(filter.from, filter.to) as LineFilterOp;
  const strings = [...node.getChildren('String'), ...node.getChildren('OrFilter').flatMap((o) => o.getChildren('String'))];
  const isRegex = op === '|~' || op === '!~';
  return strings.map((s) => ({ op, opSpan: spanOf(filter), isRegex, anchoring: 'unanchored', ...readValue(s, expr, 'logql', variables) }));
}

function readParserStage(node: SyntaxNode, expr: string, variables: TemplateVariable[]): LineFilter[] {
  const keyword = node.getChild('Regexp') ?? node.getChild('Pattern');
  const value = node.getChild('String');
  if (!keyword || !value) return [];
  const op = keyword.name === 'Regexp' ? 'regexp' : 'pattern';
  return [{ op, opSpan: spanOf(keyword), isRegex: op === 'regexp', anchoring: 'unanchored', ...readValue(value, expr, 'logql', variables) }];
}
