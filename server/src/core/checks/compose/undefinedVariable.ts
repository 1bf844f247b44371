import * as path from 'node:path';
import type { Check } from '../check';
import type { Fix } from '../../diagnostic';
import { parseDotenv } from '../../compose/dotenv';
import type { Stack } from '../../compose/stack';
import type { FileSource } from '../../workspace/fileSource';
import { isDotenvFileName } from '../../workspace/fileNames';
import { forEachEvaluatedReference, type EvaluatedReference } from './variableReferences';
import type { ComposeFile } from '../../compose/composeFile';
import type { VariableReference } from '../../compose/interpolation';
import type { ComposeTarget } from './target';

/** How far up from the project directory to look for env files compose would not load. */
const PARENT_LEVELS = 3;

/** Env-like files near the stack that it does not load, each with the names it defines. */
function unloadedEnvFiles(stack: Stack, source: FileSource): { file: string; names: Set<string> }[] {
  const loaded = new Set(stack.variables.envFiles);
  const found: { file: string; names: Set<string> }[] = [];
  let dir = stack.projectDirectory;
  for (let level = 0; level <= PARENT_LEVELS; level++) {
    for (const name of (source.listDir(dir) ?? []).filter(isDotenvFileName).sort()) {
      const file = path.join(dir, name);
      const text = loaded.has(file) ? undefined : source.readFile(file);
      if (text !== undefined) found.push({ file, names: new Set(parseDotenv(text).entries.map((e) => e.name)) });
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return found;
}

function whereToDefine(stack: Stack, name: string, others: { file: string; names: Set<string> }[]): string {
  const other = others.find((o) => o.names.has(name));
  if (other) {
    const rel = path.relative(stack.projectDirectory, other.file) || other.file;
    return `It is defined in ${rel}, which docker compose does not load: run with \`--env-file ${rel}\`, or add it to this stack's envFiles in the stacklens.stacks setting.`;
  }
  const envFiles = stack.variables.envFiles.map((f) => path.relative(stack.projectDirectory, f) || f);
  return `Define it in ${envFiles.length ? envFiles.join(' or ') : '.env in the project directory'} or the environment, or give a default with \${${name}:-default}.`;
}

function addToEnvFileFix(stack: Stack, source: FileSource, name: string): Fix[] {
  const envFile = stack.variables.envFiles[stack.variables.envFiles.length - 1];
  const text = envFile && source.readFile(envFile);
  if (text === undefined || !envFile) return [];
  const prefix = text.length === 0 || text.endsWith('\n') ? '' : '\n';
  return [{ title: `Add ${name} to ${path.basename(envFile)}`, edits: [{ file: envFile, span: { start: text.length, end: text.length }, newText: `${prefix}${name}=\n` }] }];
}

function message(stack: Stack, ref: EvaluatedReference, others: { file: string; names: Set<string> }[]): { text: string; required: boolean } {
  const { name, modifier, argument } = ref.reference;
  const hint = whereToDefine(stack, name, others);
  if (modifier === ':?' || modifier === '?') {
    const reason = argument ? `: ${argument}` : '';
    return { required: true, text: `required variable ${name} is missing a value${reason}: docker compose refuses to start the stack. ${hint}` };
  }
  return { required: false, text: `The "${name}" variable is not set: docker compose substitutes an empty string. ${hint}` };
}

function isReported(reference: VariableReference, state: EvaluatedReference['state']): boolean {
  const { modifier } = reference;
  if (modifier === undefined) return state === 'unset';
  if (modifier === ':?') return state !== 'set';
  if (modifier === '?') return state === 'unset';
  return false;
}

export const undefinedVariable: Check<ComposeTarget> = {
  code: 'compose/undefined-variable',
  severity: 'warning',
  description: 'A variable used without a default is defined by no env file compose loads, nor the environment.',
  run({ stack, source }, report) {
    const missing: { file: ComposeFile; base: number; ref: EvaluatedReference }[] = [];
    forEachEvaluatedReference(stack, (file, base, reference, state) => {
      if (isReported(reference, state)) missing.push({ file, base, ref: { reference, state } });
    });
    if (missing.length === 0) return;
    const others = unloadedEnvFiles(stack, source);
    for (const { file, base, ref } of missing) {
      const { text, required } = message(stack, ref, others);
      const span = ref.reference.nameSpan;
      report({
        file: file.path,
        span: { start: base + span.start, end: base + span.end },
        severity: required ? 'error' : 'warning',
        message: text,
        fixes: addToEnvFileFix(stack, source, ref.reference.name),
      });
    }
  },
};
