// PromQL through @prometheus-io/lezer-promql: syntax errors and label matchers.
import { parser } from '@prometheus-io/lezer-promql';
import { child, grandchild, type NodeGroup } from './parseTree';
import { labelMatcher, parseWith, readValue, spanOf, type LabelMatcher, type MatchOp, type ParsedQuery, type QueryGrammar, type ValueSource } from './queryParse';

export const promqlGrammar: QueryGrammar = {
  language: 'promql',
  parse: (text) => parser.parse(text),
  stringNode: 'StringLiteral',
  groups: new Set(['UnquotedLabelMatcher', 'QuotedLabelMatcher']),
  read: (groups, source) => ({ matchers: readMatchers(groups, source), lineFilters: [] }),
};

export function parsePromQL(expr: string): ParsedQuery {
  return parseWith(promqlGrammar, expr);
}

function readMatchers(groups: NodeGroup[], source: ValueSource): LabelMatcher[] {
  const matchers: LabelMatcher[] = [];
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i];
    const name = child(group, 'LabelName') ?? grandchild(group, 'QuotedLabelName', 'StringLiteral');
    const op = child(group, 'MatchOp');
    const value = child(group, 'StringLiteral');
    if (!name || !op || !value || op.from === op.to) continue;
    const { original } = source;
    matchers.push(
      labelMatcher(value, source, {
        label: name.name === 'LabelName' ? original.slice(name.from, name.to) : readValue(name, source).value,
        labelSpan: spanOf(name),
        op: original.slice(op.from, op.to) as MatchOp,
        opSpan: spanOf(op),
        context: 'promql-selector',
        anchoring: 'anchored',
      }),
    );
  }
  return matchers;
}
