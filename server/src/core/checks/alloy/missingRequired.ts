import { blockNameSpan } from '../../alloy/ast';
import type { Check } from '../check';
import { schemaBodies } from './schemaWalk';
import type { AlloyTarget } from './target';

/** Config blocks Alloy refuses without a label (components always need one). */
const LABELLED_BLOCKS = new Set(['argument', 'export', 'declare', 'foreach', 'import.file', 'import.git', 'import.http', 'import.string']);

export const missingRequired: Check<AlloyTarget> = {
  code: 'river/missing-required',
  severity: 'error',
  description: 'A required attribute, block or label of a component is missing: Alloy refuses to load the file.',
  run({ file, model }, report) {
    for (const node of model.nodes) {
      if (node.block.label) continue;
      if (node.kind === 'component' || node.kind === 'custom' || node.kind === 'imported') {
        report({ file, span: blockNameSpan(node.block), message: `component "${node.name}" must have a label: add one, as in \`${node.name} "default" { ... }\`.` });
      } else if (node.kind === 'config' && LABELLED_BLOCKS.has(node.name)) {
        report({ file, span: blockNameSpan(node.block), message: `${node.name} block must have a label: add one, as in \`${node.name} "name" { ... }\`.` });
      }
    }
    for (const visit of schemaBodies(model)) {
      const where = () => [visit.node.id, ...visit.path].join(' > ');
      for (const arg of visit.shape.requiredArguments) {
        if (visit.attributes.some((a) => a.name.name === arg.name)) continue;
        report({ file, span: blockNameSpan(visit.block), message: `missing required attribute "${arg.name}" in ${where()}: add \`${arg.name} = <${arg.type}>\` to this block.` });
      }
      for (const child of visit.shape.requiredBlocks) {
        if (visit.blockNames.includes(child)) continue;
        report({ file, span: blockNameSpan(visit.block), message: `missing required block "${child}" in ${where()}: add a \`${child} { ... }\` block.` });
      }
    }
  },
};
