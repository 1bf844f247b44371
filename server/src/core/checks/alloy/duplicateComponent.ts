import { blockNameSpan } from '../../alloy/ast';
import { LineIndex } from '../../text/lineIndex';
import * as path from 'node:path';
import type { Check } from '../check';
import type { AlloyTarget } from './target';

export const duplicateComponent: Check<AlloyTarget> = {
  code: 'river/duplicate-component',
  severity: 'error',
  description: 'Two blocks with the same name and label in one scope: Alloy refuses the file.',
  run({ file, text, model }, report) {
    for (const node of model.nodes) {
      if (node.name === 'declare' && !node.block.label) continue;
      // The scope's index keeps the first node of each ID.
      const earlier = node.scope.byId.get(node.id);
      if (!earlier || earlier === node) continue;
      const at = LineIndex.of(text).positionAt(earlier.block.span.start);
      report({
        file,
        span: blockNameSpan(node.block),
        message: `block ${node.id} already declared at ${path.basename(file)}:${at.line + 1}:${at.character + 1}: give one of them another label.`,
      });
    }
  },
};
