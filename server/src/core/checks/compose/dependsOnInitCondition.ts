import type { Check } from '../check';
import { isRunOnce } from '../../compose/lifecycle';
import { setDependsOnCondition } from '../../compose/yamlEdits';
import { definitionIn, type ComposeTarget } from './target';

export const dependsOnInitCondition: Check<ComposeTarget> = {
  code: 'compose/depends-on-init-condition',
  severity: 'warning',
  description: 'A run-once (init) service is awaited with service_started, so the dependant races it.',
  run({ stack }, report) {
    for (const service of stack.services.values()) {
      for (const dep of service.dependsOn.values()) {
        const target = stack.services.get(dep.service);
        if (!target || dep.effectiveCondition !== 'service_started' || !isRunOnce(stack, target)) continue;
        // A build that uses the dependency's image needs it built, not finished.
        if (service.buildsFrom.has(dep.service)) continue;
        const definition = definitionIn(service, dep.file);
        const edits = definition ? setDependsOnCondition(definition.file, definition.pair, dep.service, 'service_completed_successfully') : [];
        const how = dep.condition ? 'with `condition: service_started`' : dep.form === 'short' ? 'in the short list form, which means service_started' : 'without a condition, which means service_started';
        report({
          file: dep.file,
          span: dep.condition?.span ?? dep.serviceSpan,
          message: `"${dep.service}" is a run-once init service, but "${service.name}" waits for it ${how}: it starts as soon as "${dep.service}" starts, before its work is done. Use \`condition: service_completed_successfully\`.`,
          fixes: edits.length ? [{ title: `Wait for "${dep.service}" with service_completed_successfully`, edits, preferred: true }] : [],
        });
      }
    }
  },
};
