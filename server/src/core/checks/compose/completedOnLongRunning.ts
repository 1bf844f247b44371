import type { Check } from '../check';
import { hasHealthcheck, longRunningReason, type LongRunningReason } from '../../compose/lifecycle';
import { setDependsOnCondition } from '../../compose/yamlEdits';
import { definitionIn, type ComposeTarget } from './target';

const WHY: Record<LongRunningReason, string> = {
  restart: 'its restart policy keeps it running',
  healthcheck: 'it has a healthcheck, so it is meant to keep running',
  command: 'its command never ends',
};

export const completedOnLongRunning: Check<ComposeTarget> = {
  code: 'compose/completed-on-long-running',
  severity: 'warning',
  description: 'service_completed_successfully on a service that does not exit by design: the dependant never starts.',
  run({ stack }, report) {
    for (const service of stack.services.values()) {
      for (const dep of service.dependsOn.values()) {
        const target = stack.services.get(dep.service);
        if (!target || dep.effectiveCondition !== 'service_completed_successfully' || !dep.condition) continue;
        const reason = longRunningReason(target);
        if (!reason) continue;
        const replacement = hasHealthcheck(target) ? 'service_healthy' : 'service_started';
        const definition = definitionIn(service, dep.file);
        const edits = definition ? setDependsOnCondition(definition.file, definition.pair, dep.service, replacement) : [];
        report({
          file: dep.file,
          span: dep.condition.span,
          message: `"${dep.service}" does not exit (${WHY[reason]}), so "${service.name}" waiting for service_completed_successfully never starts. Use \`condition: ${replacement}\`.`,
          fixes: edits.length ? [{ title: `Wait for "${dep.service}" with ${replacement}`, edits, preferred: true }] : [],
        });
      }
    }
  },
};
