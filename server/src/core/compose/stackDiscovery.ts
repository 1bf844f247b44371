// Which stacks a file belongs to: configured ones (the stacklens.stacks setting, or the CLI's -f), else
// those compose would load from the file's directory: the base file, its override, COMPOSE_FILE, and
// siblings such as docker-compose.observability.yml that are used with the base file.
import * as path from 'node:path';
import type { FileSource } from '../workspace/fileSource';
import { isComposeFileName } from '../workspace/fileNames';
import { parseDotenv } from './dotenv';
import type { StackDefinition } from './stack';

const BASE_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yml', 'docker-compose.yaml'];
const OVERRIDE_NAMES = ['compose.override.yaml', 'compose.override.yml', 'docker-compose.override.yml', 'docker-compose.override.yaml'];

/** The variables discovery reads from a .env file. */
const DISCOVERY_VARIABLES = new Set(['COMPOSE_FILE', 'COMPOSE_PATH_SEPARATOR']);

/** Those variables as the last .env texts read set them: discovery runs on every keystroke, and keeping
 * every entry of a big .env for two names cost its size again. */
const dotenvSettings = new Map<string, Map<string, string>>();

function settingsOf(text: string): Map<string, string> {
  let settings = dotenvSettings.get(text);
  if (!settings) {
    settings = new Map();
    // The last definition of a name wins.
    for (const entry of parseDotenv(text).entries) if (DISCOVERY_VARIABLES.has(entry.name)) settings.set(entry.name, entry.value);
    if (dotenvSettings.size >= 8) dotenvSettings.delete(dotenvSettings.keys().next().value!);
    dotenvSettings.set(text, settings);
  }
  return settings;
}

function composeFileVariable(dir: string, environment: Readonly<Record<string, string | undefined>>, source: FileSource): string[] | undefined {
  const dotenv = source.readFile(path.join(dir, '.env'));
  const fromDotenv = dotenv === undefined ? undefined : settingsOf(dotenv);
  const lookup = (name: string) => environment[name] ?? fromDotenv?.get(name);
  const value = lookup('COMPOSE_FILE');
  if (!value) return undefined;
  const separator = lookup('COMPOSE_PATH_SEPARATOR') ?? ':';
  return value.split(separator).filter(Boolean).map((f) => path.resolve(dir, f));
}

/** The stacks of one directory, as compose (and the usual `-f base -f extra` habit) would form them. */
export function detectStacks(dir: string, environment: Readonly<Record<string, string | undefined>>, source: FileSource): StackDefinition[] {
  const names = new Set(source.listDir(dir) ?? []);
  const fromVariable = composeFileVariable(dir, environment, source);
  if (fromVariable) return [{ files: fromVariable, projectDirectory: dir }];
  const base = BASE_NAMES.find((n) => names.has(n));
  const override = OVERRIDE_NAMES.find((n) => names.has(n));
  const others = [...names].filter((n) => isComposeFileName(n) && n !== base && !OVERRIDE_NAMES.includes(n)).sort();
  const stacks: StackDefinition[] = [];
  if (base) stacks.push({ files: [base, ...(override ? [override] : [])].map((n) => path.join(dir, n)) });
  for (const other of others) {
    const alone = BASE_NAMES.includes(other) || !base;
    stacks.push({ files: (alone ? [other] : [base!, other]).map((n) => path.join(dir, n)) });
  }
  if (!base && override) stacks.push({ files: [path.join(dir, override)] });
  return stacks;
}

function contains(stack: StackDefinition, file: string): boolean {
  return stack.files.includes(file) || (stack.envFiles ?? []).includes(file);
}

export function stacksForFile(file: string, configured: readonly StackDefinition[], environment: Readonly<Record<string, string | undefined>>, source: FileSource): StackDefinition[] {
  const fromSettings = configured.filter((s) => contains(s, file));
  if (fromSettings.length > 0) return fromSettings;
  const detected = detectStacks(path.dirname(file), environment, source).filter((s) => contains(s, file));
  return detected.length > 0 ? detected : [{ files: [file] }];
}
