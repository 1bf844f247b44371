// The `rule` blocks of Alloy relabel components (discovery.relabel, loki.relabel, loki.source.*,
// prometheus.relabel...) as plain data: what they read, what they write, and how.
import type { AlloyFile, Expr } from './ast';
import { attributesOf, stringLiteralValue, walkBlocks } from './traverse';

export interface RelabelRule {
  /** `source_labels` given as string literals. */
  sources: string[];
  /** `target_label` as written; undefined when absent. */
  target?: string;
  /** The target is an expression, not a literal: the label it writes is not known statically. */
  dynamicTarget: boolean;
  /** `action`, `replace` by default (Alloy's actions are case-sensitive). */
  action: string;
}

export function relabelRules(file: AlloyFile): RelabelRule[] {
  const rules: RelabelRule[] = [];
  for (const { block, fullName } of walkBlocks(file.body)) {
    if (fullName !== 'rule') continue;
    const attr = (name: string) => attributesOf(block.body).find((a) => a.name.name === name)?.value;
    const list = attr('source_labels');
    const sources = list?.kind === 'array' ? list.elements.map((e: Expr) => stringLiteralValue(e)).filter((s): s is string => s !== undefined) : [];
    const targetExpr = attr('target_label');
    const target = targetExpr && stringLiteralValue(targetExpr);
    const action = attr('action');
    rules.push({ sources, target, dynamicTarget: targetExpr !== undefined && target === undefined, action: (action && stringLiteralValue(action)) ?? 'replace' });
  }
  return rules;
}
