import { blockFullName, blockNameSpan } from '../../alloy/ast';
import { blockSchema } from '../../alloy/registry/registry';
import { attributesOf } from '../../alloy/traverse';
import type { Check } from '../check';
import { schemaBodies } from './schemaWalk';
import type { AlloyTarget } from './target';

export const missingRequired: Check<AlloyTarget> = {
  code: 'river/missing-required',
  severity: 'error',
  description: 'A required attribute or block of a component is missing: Alloy refuses to load the file.',
  run({ file, model }, report) {
    for (const visit of schemaBodies(model)) {
      const where = () => [visit.node.id, ...visit.path].join(' > ');
      const span = blockNameSpan(visit.block);
      const present = new Set(attributesOf(visit.body).map((a) => a.name.name));
      for (const arg of visit.arguments ?? []) {
        if (!arg.required || present.has(arg.name)) continue;
        report({ file, span, message: `missing required attribute "${arg.name}" in ${where()}: add \`${arg.name} = <${arg.type}>\` to this block.` });
      }
      const blocks = new Set(visit.body.flatMap((s) => (s.kind === 'block' ? [blockFullName(s)] : [])));
      for (const child of visit.childBlocks ?? []) {
        const schema = blockSchema(visit.node.schema!, [...visit.path, child]);
        if (!schema?.required || blocks.has(child)) continue;
        report({ file, span, message: `missing required block "${child}" in ${where()}: add a \`${child} { ... }\` block.` });
      }
    }
  },
};
