// A stack as `docker compose -f ... --env-file ... --project-directory ...` would load it.
import * as path from 'node:path';
import type { Pair, Scalar } from 'yaml';
import type { FileSource } from '../workspace/fileSource';
import { parseComposeFile, scalarText, pairOf, type ComposeFile } from './composeFile';
import { interpolate } from './interpolation';
import { mergeWithExtends } from './extends';
import { loadStackFiles } from './stackFiles';
import { IncrementalComposeParser } from './incrementalParse';
import { emptyService, type Service } from './service';
import { ServiceCache } from './serviceCache';
import { resolveStackVariables, type StackVariables } from './stackVariables';

export interface StackDefinition {
  name?: string;
  /** Compose files in `-f` order (absolute paths). */
  files: string[];
  /** `--env-file` files (absolute); undefined means compose's default `<project dir>/.env`. */
  envFiles?: string[];
  projectDirectory?: string;
}

export interface Stack {
  name: string;
  /** The name compose gives the project: `name:`, COMPOSE_PROJECT_NAME, or the directory's name. */
  projectName: string;
  definition: StackDefinition;
  projectDirectory: string;
  files: ComposeFile[];
  missingFiles: string[];
  variables: StackVariables;
  services: Map<string, Service>;
}

/** Parsed files are reused while their text is unchanged: a stack is reloaded on every keystroke. */
export class ComposeFileCache {
  private readonly files = new Map<string, ComposeFile>();
  private readonly parsers = new Map<string, IncrementalComposeParser>();
  readonly services = new ServiceCache();

  get(file: string, text: string): ComposeFile {
    const cached = this.files.get(file);
    if (cached && cached.text === text) return cached;
    let parser = this.parsers.get(file);
    if (!parser) this.parsers.set(file, (parser = new IncrementalComposeParser()));
    const parsed = parseComposeFile(file, text, (t) => parser.parse(t));
    this.files.set(file, parsed);
    return parsed;
  }
}

export function loadStack(
  definition: StackDefinition,
  environment: Readonly<Record<string, string | undefined>>,
  source: FileSource,
  cache = new ComposeFileCache(),
): Stack {
  const projectDirectory = definition.projectDirectory ?? path.dirname(definition.files[0]);
  const variables = resolveStackVariables(projectDirectory, definition.envFiles, environment, source);
  const { files, missingFiles } = loadStackFiles(definition.files, source, cache);
  const lookup = (name: string) => variables.variables.get(name)?.value;
  const ctx = {
    projectDirectory,
    interpolate: (text: string) => {
      const result = interpolate(text, lookup);
      return result.ok ? result.value : text;
    },
  };
  const resolveFile = (file: string) => {
    const text = source.readFile(file);
    return text === undefined ? undefined : cache.get(file, text);
  };
  // A name defined in several files is merged anew; one file defines each of its names once.
  const definedIn = new Map<string, number>();
  if (files.length > 1) for (const file of files) for (const name of file.services.keys()) definedIn.set(name, (definedIn.get(name) ?? 0) + 1);
  const merge = (name: string, pair: Pair<Scalar, unknown>, file: ComposeFile, service = emptyService(name)) => {
    mergeWithExtends(service, pair, file, ctx, resolveFile);
    return service;
  };
  const services = new Map<string, Service>();
  for (const file of files) {
    file.services.forEach((pair, name) => {
      const known = services.get(name);
      if (known) merge(name, pair, file, known);
      else services.set(name, (definedIn.get(name) ?? 1) === 1 ? cache.services.get(name, pair, file, variables, projectDirectory, merge) : merge(name, pair, file));
    });
  }
  const projectName = projectNameOf(files, lookup, projectDirectory, ctx.interpolate);
  return { name: definition.name ?? projectName, projectName, definition, projectDirectory, files, missingFiles, variables, services };
}

function projectNameOf(files: ComposeFile[], lookup: (n: string) => string | undefined, dir: string, interpolateText: (t: string) => string): string {
  const declared = files.map((f) => scalarText(pairOf(f.doc.contents, 'name')?.value)).filter((n) => n !== undefined).pop();
  const raw = lookup('COMPOSE_PROJECT_NAME') ?? (declared !== undefined ? interpolateText(declared) : path.basename(dir));
  // compose normalises the name to lower case letters, digits, dashes and underscores.
  return raw.toLowerCase().replace(/[^a-z0-9_-]/g, '');
}
