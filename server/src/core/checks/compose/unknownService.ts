import * as path from 'node:path';
import type { Check } from '../check';
import { parseComposeFile } from '../../compose/composeFile';
import type { ReferenceKind } from '../../compose/service';
import type { Stack } from '../../compose/stack';
import { closestMatch } from '../../text/suggest';
import { isComposeFileName } from '../../workspace/fileNames';
import type { FileSource } from '../../workspace/fileSource';
import type { ComposeTarget } from './target';

const VERB: Record<ReferenceKind, string> = {
  depends_on: 'depends on',
  links: 'links to',
  extends: 'extends',
  network_mode: 'uses the network of',
  volumes_from: 'mounts volumes from',
};

/** A compose file beside the stack's, not part of it, that defines the service (an overlay used with -f). */
function siblingDefining(stack: Stack, source: FileSource, service: string): string | undefined {
  const inStack = new Set(stack.files.map((f) => f.path));
  for (const name of (source.listDir(stack.projectDirectory) ?? []).filter(isComposeFileName).sort()) {
    const file = path.join(stack.projectDirectory, name);
    const text = inStack.has(file) ? undefined : source.readFile(file);
    if (text !== undefined && parseComposeFile(file, text).services.has(service)) return name;
  }
  return undefined;
}

export const unknownService: Check<ComposeTarget> = {
  code: 'compose/unknown-service',
  severity: 'error',
  description: 'depends_on, links, extends, network_mode or volumes_from names a service the stack does not define.',
  run({ stack, source }, report) {
    for (const service of stack.services.values()) {
      for (const ref of service.references) {
        if (stack.services.has(ref.service)) continue;
        // compose accepts an optional dependency that is not defined (`required: false`).
        if (ref.kind === 'depends_on' && service.dependsOn.get(ref.service)?.required === false) continue;
        const head = `service "${service.name}" ${VERB[ref.kind]} undefined service "${ref.service}"`;
        const sibling = siblingDefining(stack, source, ref.service);
        if (sibling) {
          const files = [...stack.files.map((f) => path.basename(f.path)), sibling].map((f) => `-f ${f}`).join(' ');
          report({
            file: ref.file,
            span: ref.span,
            severity: 'information',
            message: `${head} in this stack; ${sibling} defines it. Run it as \`docker compose ${files}\`, or declare that stack in the stacklens.stacks setting.`,
          });
          continue;
        }
        const suggestion = closestMatch(ref.service, stack.services.keys());
        report({
          file: ref.file,
          span: ref.span,
          message: `${head}${suggestion ? `: did you mean "${suggestion}"?` : '. Define it, or add the compose file that defines it to the stack.'}`,
          fixes: suggestion ? [{ title: `Change to "${suggestion}"`, edits: [{ file: ref.file, span: ref.span, newText: suggestion }], preferred: true }] : [],
        });
      }
    }
  },
};
