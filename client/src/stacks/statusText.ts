// What the status bar item says, without the vscode module: the active stack (the one whose files hold
// the file being edited, else the first) and its summary.
import * as path from 'node:path';
import type { StackInfo } from '../../../server/src/protocol/stacks';
import type { Severity } from './containerState';
import type { StackHealth } from './stackHealth';
import { samePath } from './composeLabels';

/** The stack a file belongs to (compose or env file, or under its directory), else the first stack. */
export function activeStack<T extends Pick<StackInfo, 'files' | 'envFiles' | 'projectDirectory'>>(stacks: readonly T[], file: string | undefined): T | undefined {
  if (file) {
    const own = stacks.find((s) => [...s.files, ...s.envFiles].some((f) => samePath(f, file)));
    if (own) return own;
    // The deepest project directory containing the file: an alloy config beside its compose file.
    const containing = stacks
      .filter((s) => isInside(file, s.projectDirectory))
      .sort((a, b) => b.projectDirectory.length - a.projectDirectory.length)[0];
    if (containing) return containing;
  }
  return stacks[0];
}

function isInside(file: string, dir: string): boolean {
  const rel = path.relative(dir, file);
  return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
}

export type DockerStatus = 'following' | 'connecting' | 'unreachable' | 'untrusted';

export interface StatusText {
  text: string;
  tooltip: string;
  severity: Severity;
}

/** `$(layers) obs: 6/7 healthy, 3 init completed`. */
export function statusText(stack: StackInfo, health: StackHealth | undefined, docker: DockerStatus, dockerHost?: string): StatusText {
  const head = `$(layers) ${stack.name}`;
  switch (docker) {
    case 'untrusted':
      return { text: `${head}: untrusted`, tooltip: 'StackLens does not connect to Docker in an untrusted workspace', severity: 'idle' };
    case 'unreachable':
      return { text: `${head}: Docker not reachable`, tooltip: `Docker is not reachable at ${dockerHost ?? 'its default socket'}`, severity: 'warning' };
    case 'connecting':
      return { text: `${head}: …`, tooltip: 'Connecting to Docker', severity: 'idle' };
    case 'following':
      if (!health) return { text: `${head}: …`, tooltip: 'Reading the containers', severity: 'idle' };
      return { text: `${head}: ${health.summary.text}`, tooltip: `Stack ${stack.name} (project ${stack.projectName}): ${health.summary.text}. Click to show the Stacks view.`, severity: health.summary.severity };
  }
}
