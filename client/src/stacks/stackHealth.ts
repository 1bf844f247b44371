// The live model of one stack: the language server's view of it (services, run-once or not) joined with
// the containers Docker reports, by compose labels. Feeds a tree row per stack/service and a status bar.
import { LABEL, configFiles, containerNumber, isOneOff, samePath } from './composeLabels';
import { NOT_CREATED, containerState, type ContainerInspectData, type ContainerState, type Severity } from './containerState';

/** What the language server says about a stack (structurally its StackInfo). */
export interface StackInput {
  name: string;
  projectName: string;
  projectDirectory: string;
  files: string[];
  envFiles?: string[];
  services: { name: string; runOnce: boolean; healthcheck: boolean }[];
}

export interface ContainerHealth {
  id: string;
  /** Without the leading slash. For display only: matching never uses names. */
  name: string;
  state: ContainerState;
}

export interface ServiceHealth {
  name: string;
  runOnce: boolean;
  /** The service's own containers (replicas), one-off `run` containers excluded. */
  containers: ContainerHealth[];
  /** The worst of its containers' states; `not created` when it has none. */
  state: ContainerState;
}

export interface StackSummary {
  /** `6/7 healthy, 3 init completed, 1 failed`: for a tree row description and a status bar item. */
  text: string;
  severity: Severity;
  /** Long-running services up: healthy, or running when they have no healthcheck. */
  up: number;
  longRunning: number;
  initCompleted: number;
  runOnce: number;
  failed: number;
  unhealthy: number;
  restarting: number;
}

export interface StackHealth {
  name: string;
  projectName: string;
  services: ServiceHealth[];
  /** Containers of this stack's project and directory whose service the stack no longer defines. */
  orphans: ContainerHealth[];
  summary: StackSummary;
}

export function stackHealth(stack: StackInput, containers: readonly ContainerInspectData[]): StackHealth {
  const own = containers.filter((c) => belongsToStack(c, stack) && !isOneOff(c.Config?.Labels));
  const byService = new Map<string, ContainerInspectData[]>();
  for (const c of own) {
    const service = c.Config?.Labels?.[LABEL.service] ?? '';
    byService.set(service, [...(byService.get(service) ?? []), c]);
  }
  const services = stack.services.map((s): ServiceHealth => {
    const list = (byService.get(s.name) ?? []).sort((a, b) => containerNumber(a.Config?.Labels) - containerNumber(b.Config?.Labels));
    const health = list.map((c) => containerHealth(c, s.runOnce));
    return { name: s.name, runOnce: s.runOnce, containers: health, state: worstState(health.map((h) => h.state)) };
  });
  const known = new Set(stack.services.map((s) => s.name));
  const orphans = own.filter((c) => !known.has(c.Config?.Labels?.[LABEL.service] ?? '')).map((c) => containerHealth(c, false));
  return { name: stack.name, projectName: stack.projectName, services, orphans, summary: summarize(services) };
}

/**
 * Project label first; then, since two stacks in different directories may share a project name,
 * the directory or compose files compose recorded. Containers made without those labels stay with
 * the project.
 */
export function belongsToStack(c: ContainerInspectData, stack: StackInput): boolean {
  const labels = c.Config?.Labels;
  if (labels?.[LABEL.project] !== stack.projectName) return false;
  const workingDir = labels[LABEL.workingDir];
  const files = configFiles(labels);
  if (!workingDir && files.length === 0) return true;
  if (workingDir && samePath(workingDir, stack.projectDirectory)) return true;
  return files.some((f) => stack.files.some((s) => samePath(f, s)));
}

function containerHealth(c: ContainerInspectData, runOnce: boolean): ContainerHealth {
  return { id: c.Id, name: (c.Name ?? c.Id.slice(0, 12)).replace(/^\//, ''), state: containerState(c, runOnce) };
}

// Worst first: a service with one failed replica is failed.
const RANK: Record<ContainerState['kind'], number> = {
  failed: 0,
  dead: 1,
  restarting: 2,
  unhealthy: 3,
  exited: 4,
  paused: 5,
  created: 6,
  'not created': 7,
  removing: 8,
  starting: 9,
  running: 10,
  healthy: 11,
  completed: 12,
};

function worstState(states: ContainerState[]): ContainerState {
  if (states.length === 0) return NOT_CREATED;
  return states.reduce((worst, s) => (RANK[s.kind] < RANK[worst.kind] ? s : worst));
}

const UP = new Set<ContainerState['kind']>(['running', 'healthy']);

export function summarize(services: readonly ServiceHealth[]): StackSummary {
  const longRunning = services.filter((s) => !s.runOnce);
  const runOnce = services.filter((s) => s.runOnce);
  const count = (list: readonly ServiceHealth[], kinds: ContainerState['kind'][]) => list.filter((s) => kinds.includes(s.state.kind)).length;
  const up = longRunning.filter((s) => UP.has(s.state.kind)).length;
  const initCompleted = count(runOnce, ['completed']);
  const failed = count(services, ['failed', 'dead']);
  const unhealthy = count(services, ['unhealthy']);
  const restarting = count(services, ['restarting']);
  const summary = { up, longRunning: longRunning.length, initCompleted, runOnce: runOnce.length, failed, unhealthy, restarting };
  return { ...summary, text: summaryText(summary, services), severity: summarySeverity(summary, services) };
}

function summaryText(s: Omit<StackSummary, 'text' | 'severity'>, services: readonly ServiceHealth[]): string {
  if (services.length === 0) return 'no services';
  if (services.every((x) => x.state.kind === 'not created')) return 'not running';
  const parts: string[] = [];
  if (s.longRunning) parts.push(`${s.up}/${s.longRunning} healthy`);
  // All done reads `3 init completed`; a fraction only while some are pending or failed.
  if (s.runOnce) parts.push(s.initCompleted === s.runOnce ? `${s.runOnce} init completed` : `${s.initCompleted}/${s.runOnce} init completed`);
  if (s.failed) parts.push(`${s.failed} failed`);
  if (s.unhealthy) parts.push(`${s.unhealthy} unhealthy`);
  if (s.restarting) parts.push(`${s.restarting} restarting`);
  return parts.join(', ');
}

function summarySeverity(s: Omit<StackSummary, 'text' | 'severity'>, services: readonly ServiceHealth[]): Severity {
  if (s.failed || s.unhealthy || s.restarting) return 'error';
  if (services.every((x) => x.state.kind === 'not created')) return 'idle';
  if (s.up === s.longRunning && s.initCompleted === s.runOnce) return 'ok';
  // Init containers still running and healthchecks still starting are progress, not a problem.
  return services.every((x) => x.state.severity === 'ok' || x.state.severity === 'progress') ? 'progress' : 'warning';
}
