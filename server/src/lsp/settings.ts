// The `stacklens` settings as the server uses them: paths made absolute against the workspace folder.
import * as path from 'node:path';
import type { StackDefinition } from '../core/compose/stack';

export interface RawStackSetting {
  name?: string;
  files?: string[];
  envFiles?: string[];
  projectDirectory?: string;
}

export interface ServerSettings {
  stacks: StackDefinition[];
  compose: { schemaValidation: boolean };
}

export interface RawSettings {
  stacks?: RawStackSetting[];
  compose?: { schemaValidation?: boolean };
}

export function resolveSettings(raw: RawSettings | undefined, root: string | undefined): ServerSettings {
  const base = root ?? process.cwd();
  const abs = (p: string) => path.resolve(base, p);
  const stacks = (raw?.stacks ?? [])
    .filter((s) => Array.isArray(s.files) && s.files.length > 0)
    .map((s) => ({
      name: s.name,
      files: s.files!.map(abs),
      envFiles: s.envFiles?.map(abs),
      projectDirectory: s.projectDirectory ? abs(s.projectDirectory) : undefined,
    }));
  return { stacks, compose: { schemaValidation: raw?.compose?.schemaValidation !== false } };
}
