import type { Check } from '../check';
import type { ReferenceKind } from '../../compose/service';
import { closestMatch } from '../../text/suggest';
import type { ComposeTarget } from './target';

const VERB: Record<ReferenceKind, string> = {
  depends_on: 'depends on',
  links: 'links to',
  extends: 'extends',
  network_mode: 'uses the network of',
  volumes_from: 'mounts volumes from',
};

export const unknownService: Check<ComposeTarget> = {
  code: 'compose/unknown-service',
  severity: 'error',
  description: 'depends_on, links, extends, network_mode or volumes_from names a service the stack does not define.',
  run({ stack }, report) {
    for (const service of stack.services.values()) {
      for (const ref of service.references) {
        if (stack.services.has(ref.service)) continue;
        // compose accepts an optional dependency that is not defined (`required: false`).
        if (ref.kind === 'depends_on' && service.dependsOn.get(ref.service)?.required === false) continue;
        const suggestion = closestMatch(ref.service, stack.services.keys());
        report({
          file: ref.file,
          span: ref.span,
          message: `service "${service.name}" ${VERB[ref.kind]} undefined service "${ref.service}"${suggestion ? `: did you mean "${suggestion}"?` : '. Define it, or add the compose file that defines it to the stack.'}`,
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ file: ref.file, span: ref.span, newText: suggestion }], preferred: true }] : [],
        });
      }
    }
  },
};
