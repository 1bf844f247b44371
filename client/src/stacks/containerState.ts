// What a user should see for one container: from `docker inspect` data and whether its service is
// run-once (the language server's stack model knows; the container does not).

/** The part of dockerode's ContainerInspectInfo this view reads; tests build it by hand. */
export interface ContainerInspectData {
  Id: string;
  Name?: string;
  RestartCount?: number;
  Config?: { Labels?: Record<string, string> | null };
  State: {
    Status: string;
    ExitCode?: number;
    OOMKilled?: boolean;
    Health?: { Status: string; Log?: { ExitCode?: number; Output?: string; End?: string }[] | null };
  };
}

export type ContainerStateKind =
  | 'running'
  | 'healthy'
  | 'unhealthy'
  | 'starting'
  | 'completed'
  | 'failed'
  | 'exited'
  | 'restarting'
  | 'created'
  | 'paused'
  | 'removing'
  | 'dead'
  | 'not created';

/** How the tree and status bar color it: `ok` is the green/check mark family. */
export type Severity = 'ok' | 'progress' | 'idle' | 'warning' | 'error';

export interface ContainerState {
  kind: ContainerStateKind;
  /** The text shown: `failed (exit 3)`, `restarting (2 restarts)`, `completed`, ... */
  label: string;
  severity: Severity;
  exitCode?: number;
  restartCount?: number;
  /** The last healthcheck's output, for the tooltip (trimmed and bounded). */
  healthOutput?: string;
}

const MAX_HEALTH_OUTPUT = 500;

export const NOT_CREATED: ContainerState = { kind: 'not created', label: 'not created', severity: 'idle' };

export function containerState(inspect: ContainerInspectData | undefined, runOnce: boolean): ContainerState {
  if (!inspect) return NOT_CREATED;
  const { State: state } = inspect;
  const restartCount = inspect.RestartCount ?? 0;
  switch (state.Status) {
    case 'running':
      return runningState(state.Health);
    case 'exited':
      return exitedState(state.ExitCode ?? 0, runOnce, state.OOMKilled === true);
    case 'restarting': {
      // A restart loop: the container keeps dying, whatever its restart policy says.
      const label = `restarting (${restartCount} ${restartCount === 1 ? 'restart' : 'restarts'})`;
      return { kind: 'restarting', label, severity: 'error', restartCount, exitCode: state.ExitCode };
    }
    case 'created':
      return { kind: 'created', label: 'created', severity: 'idle' };
    case 'paused':
      return { kind: 'paused', label: 'paused', severity: 'warning' };
    case 'removing':
      return { kind: 'removing', label: 'removing', severity: 'progress' };
    case 'dead':
      return { kind: 'dead', label: 'dead', severity: 'error' };
    default:
      return { kind: 'running', label: state.Status, severity: 'warning' };
  }
}

function runningState(health: ContainerInspectData['State']['Health']): ContainerState {
  if (!health || health.Status === 'none' || health.Status === '') return { kind: 'running', label: 'running', severity: 'ok' };
  const healthOutput = lastHealthOutput(health);
  if (health.Status === 'healthy') return { kind: 'healthy', label: 'healthy', severity: 'ok', healthOutput };
  if (health.Status === 'unhealthy') return { kind: 'unhealthy', label: 'unhealthy', severity: 'error', healthOutput };
  return { kind: 'starting', label: 'starting', severity: 'progress', healthOutput };
}

function exitedState(exitCode: number, runOnce: boolean, oomKilled: boolean): ContainerState {
  if (exitCode !== 0) {
    const label = oomKilled ? `failed (exit ${exitCode}, out of memory)` : `failed (exit ${exitCode})`;
    return { kind: 'failed', label, severity: 'error', exitCode };
  }
  // Exit 0 is the goal of an init container, and a stop for a server.
  return runOnce
    ? { kind: 'completed', label: 'completed', severity: 'ok', exitCode }
    : { kind: 'exited', label: 'exited', severity: 'warning', exitCode };
}

function lastHealthOutput(health: NonNullable<ContainerInspectData['State']['Health']>): string | undefined {
  const output = health.Log?.at(-1)?.Output?.trim();
  if (!output) return undefined;
  return output.length > MAX_HEALTH_OUTPUT ? output.slice(0, MAX_HEALTH_OUTPUT) + '…' : output;
}
