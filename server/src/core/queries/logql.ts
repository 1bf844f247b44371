// LogQL through @grafana/lezer-logql: syntax errors, stream selector and label filter matchers,
// line filters and the strings of `regexp` and `pattern` stages.
import { parser } from '@grafana/lezer-logql';
import { child, children, grandchildren, nextChild, type NodeGroup } from './parseTree';
import { labelMatcher, lineFilter, parseWith, spanOf, type LabelMatcher, type LineFilter, type LineFilterOp, type MatchOp, type ParsedQuery, type QueryGrammar, type ValueSource } from './queryParse';

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

function readGroups(groups: NodeGroup[], source: ValueSource): Pick<ParsedQuery, 'matchers' | 'lineFilters'> {
  const matchers: LabelMatcher[] = [];
  const lineFilters: LineFilter[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    if (group.name === 'Matcher') {
      const matcher = readMatcher(group, source);
      if (matcher) matchers.push(matcher);
    } else if (group.name === 'LineFilter') readLineFilter(group, source, lineFilters);
    else readParserStage(group, source, lineFilters);
  }
  return { matchers, lineFilters };
}

function readMatcher(group: NodeGroup, source: ValueSource): LabelMatcher | undefined {
  const name = child(group, 'Identifier');
  const value = child(group, 'String');
  const op = name && nextChild(group, name);
  if (!name || !value || !op || op.to > value.from) return undefined;
  return labelMatcher(value, source, {
    label: source.original.slice(name.from, name.to),
    labelSpan: spanOf(name),
    op: source.original.slice(op.from, op.to) as MatchOp,
    opSpan: spanOf(op),
    // Matchers outside the `{…}` selector are pipeline label filters (also `drop`/`keep` ones).
    context: group.parent === 'Matchers' ? 'logql-stream-selector' : 'logql-label-filter',
    anchoring: 'anchored',
  });
}

/** `|= "a" or "b"` gives one filter per string, all with the same operator. */
function readLineFilter(group: NodeGroup, source: ValueSource, out: LineFilter[]): void {
  const filter = child(group, 'Filter');
  // `|= ip("…")` matches addresses, not text.
  if (!filter || child(group, 'FilterOp')) return;
  const op = source.original.slice(filter.from, filter.to) as LineFilterOp;
  const isRegex = op === '|~' || op === '!~';
  const own = children(group, 'String');
  for (let i = 0; i < own.length; i++) out.push(lineFilter(own[i], source, { op, opSpan: spanOf(filter), isRegex, anchoring: 'unanchored' }));
  const alternatives = grandchildren(group, 'OrFilter', 'String');
  for (let i = 0; i < alternatives.length; i++) out.push(lineFilter(alternatives[i], source, { op, opSpan: spanOf(filter), isRegex, anchoring: 'unanchored' }));
}

function readParserStage(group: NodeGroup, source: ValueSource, out: LineFilter[]): void {
  const keyword = child(group, 'Regexp') ?? child(group, 'Pattern');
  const value = child(group, 'String');
  if (!keyword || !value) return;
  const op = keyword.name === 'Regexp' ? 'regexp' : 'pattern';
  out.push(lineFilter(value, source, { op, opSpan: spanOf(keyword), isRegex: op === 'regexp', anchoring: 'unanchored' }));
}
