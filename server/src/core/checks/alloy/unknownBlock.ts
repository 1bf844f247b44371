import { blockFullName, blockNameSpan } from '../../alloy/ast';
import { closestMatch } from '../../text/suggest';
import type { Check } from '../check';
import { schemaBodies } from './schemaWalk';
import type { AlloyTarget } from './target';

export const unknownBlock: Check<AlloyTarget> = {
  code: 'river/unknown-block',
  severity: 'error',
  description: 'A block the component (or enclosing block) does not have, per the Alloy reference.',
  run({ file, model }, report) {
    for (const visit of schemaBodies(model)) {
      for (const child of visit.unknownChildren) {
        const name = blockFullName(child);
        const suggestion = closestMatch(name, visit.childBlocks ?? []);
        const where = [visit.node.name, ...visit.path].join(' > ');
        const span = blockNameSpan(child);
        report({
          file,
          span,
          message: `unrecognized block name "${name}" in ${where}` +
            (suggestion ? `: did you mean "${suggestion}"?` : visit.childBlocks?.length ? `; it accepts ${visit.childBlocks.map((b) => `"${b}"`).join(', ')}.` : '; it accepts no blocks.'),
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ file, span, newText: suggestion }], preferred: true }] : [],
        });
      }
    }
  },
};
