// PromQL through @prometheus-io/lezer-promql: syntax errors and label matchers.
import { parser } from '@prometheus-io/lezer-promql';
import { child, grandchild, type NodeGroup } from './parseTree';
import { parseWith, readValue, spanOf, type LabelMatcher, type MatchOp, type ParsedQuery, type QueryGrammar } from './queryParse';
import type { TemplateVariable } from './templateVariables';

export const promqlGrammar: QueryGrammar = {
  language: 'promql',
  parse: (text) => parser.parse(text),
  stringNode: 'StringLiteral',
  groups: new Set(['UnquotedLabelMatcher', 'QuotedLabelMatcher']),
  read: (groups, expr, variables) => ({ matchers: readMatchers(groups, expr, variables), lineFilters: [] }),
};

export function parsePromQL(expr: string): ParsedQuery {
  return parseWith(promqlGrammar, expr);
}

function readMatchers(groups: NodeGroup[], expr: string, variables: TemplateVariable[]): LabelMatcher[] {
  const matchers: LabelMatcher[] = [];
  for (const group of groups) {
    const name = child(group, 'LabelName') ?? grandchild(group, 'QuotedLabelName', 'StringLiteral');
    const op = child(group, 'MatchOp');
    const value = child(group, 'StringLiteral');
    if (!name || !op || !value || op.from === op.to) continue;
    matchers.push({
      label: name.name === 'LabelName' ? expr.slice(name.from, name.to) : readValue(name, expr, 'promql', variables).value,
      labelSpan: spanOf(name),
      op: expr.slice(op.from, op.to) as MatchOp,
      opSpan: spanOf(op),
      context: 'promql-selector',
      anchoring: 'anchored',
      ...readValue(value, expr, 'promql', variables),
    });
  }
  return matchers;
}
