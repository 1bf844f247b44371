import { blockNameSpan } from '../../alloy/ast';
import { LineIndex } from '../../text/lineIndex';
import * as path from 'node:path';
import type { Check } from '../check';
import type { ComponentNode } from './model';
import type { AlloyTarget } from './target';

export const duplicateComponent: Check<AlloyTarget> = {
  code: 'river/duplicate-component',
  severity: 'error',
  description: 'Two blocks with the same name and label in one scope: Alloy refuses the file.',
  run({ file, text, model }, report) {
    const lines = LineIndex.of(text);
    const first = new Map<string, ComponentNode>();
    for (const node of model.nodes) {
      if (node.name === 'declare' && !node.block.label) continue;
      const key = `${scopeKey(node, model.nodes)}|${node.id}`;
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, node);
        continue;
      }
      const at = lines.positionAt(earlier.block.span.start);
      report({
        file,
        span: blockNameSpan(node.block),
        message: `block ${node.id} already declared at ${path.basename(file)}:${at.line + 1}:${at.character + 1}: give one of them another label.`,
      });
    }
  },
};

function scopeKey(node: ComponentNode, all: ComponentNode[]): number {
  return all.findIndex((n) => n.scope === node.scope);
}
