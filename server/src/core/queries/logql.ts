// LogQL through @grafana/lezer-logql: syntax errors, stream selector and label filter matchers,
// line filters and the strings of `regexp` and `pattern` stages.
import { parser } from '@grafana/lezer-logql';
import { child, children, grandchildren, nextChild, type NodeGroup } from './parseTree';
import { parseWith, readValue, spanOf, type LabelMatcher, type LineFilter, type LineFilterOp, type MatchOp, type ParsedQuery, type QueryGrammar } from './queryParse';
import type { TemplateVariable } from './templateVariables';

export const logqlGrammar: QueryGrammar = {
  language: 'logql',
  parse: (text) => parser.parse(text),
  stringNode: 'String',
  groups: new Set(['Matcher', 'LineFilter', 'LabelParser']),
  read: readGroups,
};

export function parseLogQL(expr: string): ParsedQuery {
  return parseWith(logqlGrammar, expr);
}

function readGroups(groups: NodeGroup[], expr: string, variables: TemplateVariable[]): Pick<ParsedQuery, 'matchers' | 'lineFilters'> {
  const matchers: LabelMatcher[] = [];
  const lineFilters: LineFilter[] = [];
  for (const group of groups) {
    if (group.name === 'Matcher') {
      const matcher = readMatcher(group, expr, variables);
      if (matcher) matchers.push(matcher);
    } else if (group.name === 'LineFilter') lineFilters.push(...readLineFilter(group, expr, variables));
    else lineFilters.push(...readParserStage(group, expr, variables));
  }
  return { matchers, lineFilters };
}

function readMatcher(group: NodeGroup, expr: string, variables: TemplateVariable[]): LabelMatcher | undefined {
  const name = child(group, 'Identifier');
  const value = child(group, 'String');
  const op = name && nextChild(group, name);
  if (!name || !value || !op || op.to > value.from) return undefined;
  return {
    label: expr.slice(name.from, name.to),
    labelSpan: spanOf(name),
    op: expr.slice(op.from, op.to) as MatchOp,
    opSpan: spanOf(op),
    // Matchers outside the `{…}` selector are pipeline label filters (also `drop`/`keep` ones).
    context: group.parent === 'Matchers' ? 'logql-stream-selector' : 'logql-label-filter',
    anchoring: 'anchored',
    ...readValue(value, expr, 'logql', variables),
  };
}

/** `|= "a" or "b"` gives one filter per string, all with the same operator. */
function readLineFilter(group: NodeGroup, expr: string, variables: TemplateVariable[]): LineFilter[] {
  const filter = child(group, 'Filter');
  // `|= ip("…")` matches addresses, not text.
  if (!filter || child(group, 'FilterOp')) return [];
  const op = expr.slice(filter.from, filter.to) as LineFilterOp;
  const strings = [...children(group, 'String'), ...grandchildren(group, 'OrFilter', 'String')];
  const isRegex = op === '|~' || op === '!~';
  return strings.map((s) => ({ op, opSpan: spanOf(filter), isRegex, anchoring: 'unanchored', ...readValue(s, expr, 'logql', variables) }));
}

function readParserStage(group: NodeGroup, expr: string, variables: TemplateVariable[]): LineFilter[] {
  const keyword = child(group, 'Regexp') ?? child(group, 'Pattern');
  const value = child(group, 'String');
  if (!keyword || !value) return [];
  const op = keyword.name === 'Regexp' ? 'regexp' : 'pattern';
  return [{ op, opSpan: spanOf(keyword), isRegex: op === 'regexp', anchoring: 'unanchored', ...readValue(value, expr, 'logql', variables) }];
}
