// Command lines for acting on a stack or one of its services, as the user would type them: the stack's
// own `-f` files, `--env-file` files, project directory and name. The VS Code side runs them in a terminal.
import { execFile } from 'node:child_process';
import type { StackInput } from './stackHealth';

export interface ComposeCli {
  /** `['docker', 'compose']` (v2) or `['docker-compose']` (v1, or a standalone v2 binary). */
  argv: string[];
  version: string;
  major: number;
}

export type ComposeAction =
  | { verb: 'up'; service?: string }
  | { verb: 'down'; service?: string; volumes?: boolean }
  | { verb: 'restart'; service?: string }
  | { verb: 'pull'; service?: string }
  | { verb: 'logs'; service?: string; follow?: boolean; tail?: number };

export class ComposeCommandError extends Error {}

/** Prefers Compose v2 (`docker compose`), as Docker does; falls back to `docker-compose`. */
export async function detectCompose(run: CommandRunner = runCommand): Promise<ComposeCli | undefined> {
  for (const argv of [['docker', 'compose'], ['docker-compose']]) {
    const output = await run(argv[0], [...argv.slice(1), 'version']);
    const version = output?.match(/v?(\d+)\.(\d+)\.(\d+)/);
    if (version) return { argv, version: version[0].replace(/^v/, ''), major: Number(version[1]) };
  }
  return undefined;
}

/** Resolves to stdout, or undefined when the command is missing or fails. */
export type CommandRunner = (file: string, args: string[]) => Promise<string | undefined>;

function runCommand(file: string, args: string[]): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(file, args, { timeout: 10_000, windowsHide: true }, (error, stdout) => resolve(error ? undefined : stdout));
  });
}

export function composeArgv(cli: ComposeCli, stack: StackInput, action: ComposeAction): string[] {
  return [...composeProjectArgv(cli, stack), ...actionArgs(action)];
}

/** `docker compose -p … --project-directory … -f …`: to append any other compose command to. */
export function composeProjectArgv(cli: ComposeCli, stack: StackInput): string[] {
  const envFiles = stack.envFiles ?? [];
  // Compose v1 takes a single --env-file; silently dropping one would run the stack with other values.
  if (cli.major < 2 && envFiles.length > 1) {
    throw new ComposeCommandError(`docker-compose ${cli.version} accepts one --env-file; stack ${stack.name} uses ${envFiles.length}: install Compose v2`);
  }
  return [
    ...cli.argv,
    '-p', stack.projectName,
    '--project-directory', stack.projectDirectory,
    ...stack.files.flatMap((f) => ['-f', f]),
    ...envFiles.flatMap((f) => ['--env-file', f]),
  ];
}

function actionArgs(action: ComposeAction): string[] {
  const service = 'service' in action && action.service ? [action.service] : [];
  switch (action.verb) {
    case 'up':
      return ['up', '-d', ...service];
    case 'down': {
      const volumes = action.volumes ? ['-v'] : [];
      // `down SERVICE` exists only in recent v2; `rm -s -f` means the same in v1 and v2.
      return service.length ? ['rm', '-s', '-f', ...volumes, ...service] : ['down', ...volumes];
    }
    case 'restart':
      return ['restart', ...service];
    case 'pull':
      return ['pull', ...service];
    case 'logs':
      return ['logs', ...(action.follow === false ? [] : ['-f']), '--tail', String(action.tail ?? 200), ...service];
  }
}
