// PromQL through @prometheus-io/lezer-promql: syntax errors and label matchers.
import { parser } from '@prometheus-io/lezer-promql';
// The lezer parsers ship ESM typings: take @lezer/common's types from the same (import) resolution.
import type { SyntaxNode } from '@lezer/common' with { 'resolution-mode': 'import' };
import { substituteTemplateVariables, type TemplateVariable } from './templateVariables';
import { readValue, spanOf, walkQuery, type LabelMatcher, type MatchOp, type ParsedQuery } from './queryParse';

export function parsePromQL(expr: string): ParsedQuery {
  const { text, variables } = substituteTemplateVariables(expr);
  const matchers: LabelMatcher[] = [];
  const error = walkQuery(parser.parse(text), text, 'promql', 'StringLiteral', variables, (ref) => {
    if (ref.name !== 'UnquotedLabelMatcher' && ref.name !== 'QuotedLabelMatcher') return;
    const matcher = readMatcher(ref.node, expr, variables);
    if (matcher) matchers.push(matcher);
  });
  return { language: 'promql', errors: error ? [error] : [], matchers, lineFilters: [], variables };
}

function readMatcher(node: SyntaxNode, expr: string, variables: TemplateVariable[]): LabelMatcher | undefined {
  const name = node.getChild('LabelName') ?? node.getChild('QuotedLabelName')?.getChild('StringLiteral');
  const op = node.getChild('MatchOp');
  const value = node.getChild('StringLiteral');
  if (!name || !op || !value || op.from === op.to) return undefined;
  const label = name.name === 'LabelName' ? expr.slice(name.from, name.to) : readValue(name, expr, 'promql', variables).value;
  return {
    label,
    labelSpan: spanOf(name),
    op: expr.slice(op.from, op.to) as MatchOp,
    opSpan: spanOf(op),
    context: 'promql-selector',
    anchoring: 'anchored',
    ...readValue(value, expr, 'promql', variables),
  };
}
