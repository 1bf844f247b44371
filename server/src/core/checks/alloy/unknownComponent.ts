import { blockNameSpan } from '../../alloy/ast';
import { componentNames, configBlockNames } from '../../alloy/registry/registry';
import { closestMatch } from '../../text/suggest';
import type { Check } from '../check';
import type { Scope } from './model';
import type { AlloyTarget } from './target';

export const unknownComponent: Check<AlloyTarget> = {
  code: 'river/unknown-component',
  severity: 'error',
  description: 'A block that is neither an Alloy component, a config block, nor a declared or imported custom component.',
  run({ file, model }, report) {
    for (const node of model.nodes) {
      if (node.kind !== 'unknown') continue;
      const suggestion = closestMatch(node.name, [...componentNames(), ...configBlockNames(), ...declaredNames(node.scope)]);
      const span = blockNameSpan(node.block);
      report({
        file,
        span,
        message: `cannot find the definition of component name "${node.name}"` +
          (suggestion ? `: did you mean "${suggestion}"?` : '. Check the spelling, or declare it with a `declare` block or an `import.*` block.'),
        fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ file, span, newText: suggestion }], preferred: true }] : [],
      });
    }
  },
};

function declaredNames(scope: Scope): string[] {
  const names: string[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) names.push(...s.declares.keys());
  return names;
}
