// The variables compose interpolates a stack with: the shell environment over --env-file files, or
// over <project dir>/.env when no --env-file is given (compose-go cli/options.go precedence).
import * as path from 'node:path';
import type { Span } from '../diagnostic';
import type { FileSource } from '../workspace/fileSource';
import { parseDotenv } from './dotenv';

export type VariableSource =
  | { kind: 'environment' }
  | { kind: 'compose' }
  | { kind: 'file'; file: string; line: number; span: Span };

export interface Variable {
  name: string;
  value: string;
  source: VariableSource;
}

export interface StackVariables {
  variables: Map<string, Variable>;
  /** The env files actually read, in order. */
  envFiles: string[];
  /** Env files named explicitly that do not exist (compose fails with "couldn't find env file"). */
  missingEnvFiles: string[];
}

interface Remembered {
  candidates: string[];
  explicit: boolean;
  texts: (string | undefined)[];
  result: StackVariables;
}

/** Per environment object, the last results for each set of env files and their texts: a stack is
 * reloaded on every keystroke, its env files rarely change. Compared field by field: a key string
 * holding the env files' texts cost their size in allocation on every keystroke. */
const resolved = new WeakMap<object, Remembered[]>();
const MAX_REMEMBERED = 16;

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

export function resolveStackVariables(
  projectDirectory: string,
  explicitEnvFiles: string[] | undefined,
  environment: Readonly<Record<string, string | undefined>>,
  source: FileSource,
): StackVariables {
  const candidates = explicitEnvFiles ?? (isTrue(environment.COMPOSE_DISABLE_ENV_FILE) ? [] : [path.join(projectDirectory, '.env')]);
  const texts = candidates.map((f) => source.readFile(f));
  const explicit = explicitEnvFiles !== undefined;
  let remembered = resolved.get(environment);
  if (!remembered) resolved.set(environment, (remembered = []));
  const known = remembered.find((r) => r.explicit === explicit && sameList(r.candidates, candidates) && sameList(r.texts, texts));
  if (known) return known.result;
  const result = readVariables(candidates, texts, explicit, environment);
  if (remembered.length >= MAX_REMEMBERED) remembered.shift();
  remembered.push({ candidates, explicit, texts, result });
  return result;
}

function readVariables(
  candidates: string[],
  texts: (string | undefined)[],
  explicit: boolean,
  environment: Readonly<Record<string, string | undefined>>,
): StackVariables {
  const variables = new Map<string, Variable>();
  const envFiles: string[] = [];
  const missingEnvFiles: string[] = [];
  for (const [i, file] of candidates.entries()) {
    const text = texts[i];
    if (text === undefined) {
      if (explicit) missingEnvFiles.push(file);
      continue;
    }
    envFiles.push(file);
    // Compose expands with the environment, then the file's own earlier entries, then earlier files.
    const entries = parseDotenv(text, (name) => environment[name], (name) => variables.get(name)?.value).entries;
    for (const entry of entries) {
      variables.set(entry.name, {
        name: entry.name,
        value: entry.value,
        source: { kind: 'file', file, line: entry.line, span: entry.nameSpan },
      });
    }
  }
  for (const [name, value] of Object.entries(environment)) {
    if (value !== undefined) variables.set(name, { name, value, source: { kind: 'environment' } });
  }
  return { variables, envFiles, missingEnvFiles };
}

/** Compose sets COMPOSE_PROJECT_NAME and reads the other COMPOSE_* itself: never report them undefined. */
export function isComposeVariable(name: string): boolean {
  return name.startsWith('COMPOSE_');
}

function isTrue(value: string | undefined): boolean {
  return value !== undefined && /^(1|true|yes)$/i.test(value);
}
