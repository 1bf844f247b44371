// A language server is judged by its first answer. Checking samples of the languages a workspace
// holds, while the server is otherwise idle, loads their tables and lets V8 compile the hot code
// before the user's first file arrives; languages the workspace does not use stay cold.
import * as path from 'node:path';
import { Analyzer } from '../analyzer';
import { fileKind } from '../workspace/fileKinds';
import { SKIPPED_DIRECTORIES } from '../workspace/fileNames';
import { memoryFileSource, type FileSource } from '../workspace/fileSource';
import { alloySample } from './alloySample';
import { composeSample } from './composeSample';
import { dashboardSample } from './dashboardSample';

export type WarmUpLanguage = 'compose' | 'alloy' | 'queries';

const SAMPLES: Record<WarmUpLanguage, Record<string, string>> = { compose: composeSample, alloy: alloySample, queries: dashboardSample };
/** Enough rounds for the hot loops to be optimised; each round is one step. */
const ROUNDS = 5;
/** A bounded look at the workspace: the languages are usually visible near its top. */
const MAX_DEPTH = 4;
const MAX_ENTRIES = 5000;

function languageOf(name: string): WarmUpLanguage | undefined {
  const kind = fileKind(name);
  if (kind === 'compose' || kind === 'dotenv') return 'compose';
  if (kind === 'alloy') return 'alloy';
  // Dashboards and Prometheus/Promtail/Loki files are told apart by content: by name, JSON and YAML
  // files beside a stack may be any of them.
  if (/\.(json|ya?ml)$/.test(name)) return 'queries';
  return undefined;
}

/** The languages whose files a workspace holds, from file names only. */
export function workspaceLanguages(roots: readonly string[], source: FileSource): Set<WarmUpLanguage> {
  const found = new Set<WarmUpLanguage>();
  let budget = MAX_ENTRIES;
  const walk = (dir: string, depth: number) => {
    for (const name of source.listDir(dir) ?? []) {
      if (--budget < 0 || found.size === Object.keys(SAMPLES).length) return;
      const language = languageOf(name);
      if (language) found.add(language);
      else if (depth < MAX_DEPTH && !SKIPPED_DIRECTORIES.has(name) && !name.startsWith('.') && !path.extname(name)) walk(path.join(dir, name), depth + 1);
    }
  };
  for (const root of roots) walk(root, 0);
  return found;
}

/** The warm-up as small steps (one sample check each), so a caller can run them between requests. */
export function warmUpSteps(languages: Iterable<WarmUpLanguage>): (() => void)[] {
  const files: Record<string, string> = {};
  for (const language of languages) Object.assign(files, SAMPLES[language]);
  const analyzer = new Analyzer({ source: memoryFileSource(files), environment: {} });
  const steps: (() => void)[] = [];
  for (let round = 0; round < ROUNDS; round++) for (const file of Object.keys(files)) if (!file.endsWith('.env')) steps.push(() => void analyzer.checkFile(file));
  return steps;
}
