// Every stack of a workspace: the configured ones, then those detected in each directory that holds a
// compose file, each file set once.
import * as path from 'node:path';
import type { FileSource } from '../workspace/fileSource';
import { isComposeFileName, SKIPPED_DIRECTORIES } from '../workspace/fileNames';
import type { StackDefinition } from './stack';
import { detectStacks } from './stackDiscovery';

/** Deep enough for monorepos, bounded so a huge folder cannot stall the server. */
const MAX_DEPTH = 6;

function composeDirectories(root: string, source: FileSource): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    const names = source.listDir(dir);
    if (!names) return;
    if (names.some(isComposeFileName)) found.push(dir);
    if (depth >= MAX_DEPTH) return;
    for (const name of names.sort()) {
      if (SKIPPED_DIRECTORIES.has(name) || name.startsWith('.')) continue;
      walk(path.join(dir, name), depth + 1);
    }
  };
  walk(root, 0);
  return found;
}

export function workspaceStacks(roots: string[], configured: readonly StackDefinition[], environment: Readonly<Record<string, string | undefined>>, source: FileSource): StackDefinition[] {
  const stacks = [...configured];
  const seen = new Set(stacks.map((s) => s.files.join('\0')));
  for (const root of roots) {
    for (const dir of composeDirectories(root, source)) {
      for (const stack of detectStacks(dir, environment, source)) {
        const key = stack.files.join('\0');
        if (seen.has(key) || stack.files.some((f) => configured.some((c) => c.files.includes(f)))) continue;
        seen.add(key);
        stacks.push(stack);
      }
    }
  }
  return stacks;
}
