import type { Check } from '../check';
import type { Stack } from '../../compose/stack';
import type { ComposeTarget } from './target';

/** Each cycle once, as the list of services along it (first service repeated at the end). */
function findCycles(stack: Stack): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const path: string[] = [];
  const visit = (name: string) => {
    state.set(name, 'visiting');
    path.push(name);
    for (const dep of stack.services.get(name)?.dependsOn.keys() ?? []) {
      if (!stack.services.has(dep)) continue;
      if (state.get(dep) === 'visiting') cycles.push([...path.slice(path.indexOf(dep)), dep]);
      else if (!state.has(dep)) visit(dep);
    }
    path.pop();
    state.set(name, 'done');
  };
  for (const name of stack.services.keys()) if (!state.has(name)) visit(name);
  return cycles;
}

export const dependencyCycle: Check<ComposeTarget> = {
  code: 'compose/dependency-cycle',
  severity: 'error',
  description: 'Services wait for each other in a circle: compose refuses the project.',
  run({ stack }, report) {
    for (const cycle of findCycles(stack)) {
      const text = cycle.join(' -> ');
      for (let i = 0; i + 1 < cycle.length; i++) {
        const dep = stack.services.get(cycle[i])!.dependsOn.get(cycle[i + 1])!;
        report({
          file: dep.file,
          span: dep.serviceSpan,
          message: `dependency cycle detected: ${text}. Remove one of these depends_on entries.`,
        });
      }
    }
  },
};
