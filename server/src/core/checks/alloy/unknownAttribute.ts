import { closestMatch } from '../../text/suggest';
import type { Check } from '../check';
import { schemaBodies } from './schemaWalk';
import type { AlloyTarget } from './target';

export const unknownAttribute: Check<AlloyTarget> = {
  code: 'river/unknown-attribute',
  severity: 'error',
  description: 'An attribute the component or block does not accept, per the Alloy reference.',
  run({ file, model }, report) {
    for (const visit of schemaBodies(model)) {
      if (!visit.arguments) continue;
      // Go accepts it somewhere in this component though the docs never list it (splunkhec
      // `extra_attributes`, the span processor's `log_bodies`): too thin to report.
      const undocumented = visit.node.schema?.undocumented?.attributes ?? [];
      for (const attr of visit.attributes) {
        if (visit.shape.argumentsByName.has(attr.name.name) || undocumented.includes(attr.name.name)) continue;
        const suggestion = closestMatch(attr.name.name, visit.arguments.map((a) => a.name));
        const where = [visit.node.name, ...visit.path].join(' > ');
        report({
          file,
          span: attr.name.span,
          message: `unrecognized attribute name "${attr.name.name}" in ${where}` + (suggestion ? `: did you mean "${suggestion}"?` : '.'),
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ file, span: attr.name.span, newText: suggestion }], preferred: true }] : [],
        });
      }
    }
  },
};
