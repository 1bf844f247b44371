// Completion in compose files: variable names inside `${`, service names under depends_on, and the
// three depends_on conditions. Line-based, so it works while the YAML is half typed.
import type { Analyzer } from '../analyzer';
import { DEPENDS_ON_CONDITIONS } from '../compose/service';
import { hasHealthcheck, isRunOnce } from '../compose/lifecycle';
import type { Stack } from '../compose/stack';
import { lineContextAt } from './keyPath';
import { displayValue } from './secrets';

export interface CompletionEntry {
  label: string;
  kind: 'variable' | 'service' | 'value';
  detail?: string;
  /** Replaces the characters from the position back this many characters. */
  replaceLength: number;
}

const CONDITION_HELP: Record<string, string> = {
  service_started: 'start once the dependency has started',
  service_healthy: 'wait until its healthcheck reports healthy',
  service_completed_successfully: 'wait until it exits with code 0 (init containers)',
};

function variables(stack: Stack, typed: string): CompletionEntry[] {
  return [...stack.variables.variables.values()]
    .filter((v) => v.source.kind === 'file')
    .map((v) => ({ label: v.name, kind: 'variable' as const, detail: displayValue(v.name, v.value), replaceLength: typed.length }));
}

function services(stack: Stack, self: string | undefined, typed: string): CompletionEntry[] {
  return [...stack.services.values()]
    .filter((s) => s.name !== self)
    .map((s) => ({
      label: s.name,
      kind: 'service' as const,
      detail: isRunOnce(stack, s) ? 'run-once init service' : hasHealthcheck(s) ? 'has a healthcheck' : s.image?.value,
      replaceLength: typed.length,
    }));
}

export function composeCompletion(analyzer: Analyzer, file: string, text: string, offset: number): CompletionEntry[] {
  const stack = analyzer.stacksOf(file)[0];
  if (!stack) return [];
  const { path, before, currentKey } = lineContextAt(text, offset);
  const variable = /\$\{?([A-Za-z_][A-Za-z0-9_]*)?$/.exec(before);
  if (variable && before.includes('${', variable.index)) return variables(stack, variable[1] ?? '');
  const typed = /[\w.-]*$/.exec(before)![0];
  if (currentKey === 'condition' && path.at(-2) === 'depends_on') {
    return DEPENDS_ON_CONDITIONS.map((c) => ({ label: c, kind: 'value', detail: CONDITION_HELP[c], replaceLength: typed.length }));
  }
  const self = path[0] === 'services' ? path[1] : undefined;
  const inList = path.at(-1) === 'depends_on' && /^\s*(-\s*)?[\w.-]*$/.test(before);
  const inFlow = currentKey === 'depends_on' && /\[[^\]]*$/.test(before);
  if (path[0] === 'services' && (inList || inFlow)) return services(stack, self, typed);
  return [];
}
