// What a file is by its name alone: no parsing, so the extension client can use it too.
import * as path from 'node:path';

const COMPOSE_NAME = /^(docker-)?compose(\.[\w.-]+)?\.ya?ml$/;
const DOTENV_NAME = /^\.env(\.[\w.-]+)?$|^[\w.-]+\.env$/;

export function isDotenvFileName(file: string): boolean {
  return DOTENV_NAME.test(path.basename(file));
}

/** Folders no StackLens scan descends into: dependencies, build output, VCS and tool caches. */
export const SKIPPED_DIRECTORIES: ReadonlySet<string> = new Set(['node_modules', '.git', 'dist', 'out', 'vendor', '.vscode-test', '.ci-cache', 'test-artifacts']);

export function isComposeFileName(file: string): boolean {
  return COMPOSE_NAME.test(path.basename(file));
}
