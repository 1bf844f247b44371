// `stacklens check` and `stacklens lsp`: thin adapters over the language core.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer, displayPath } from '../core/analyzer';
import { SEVERITY_RANK, type Finding } from '../core/diagnostic';
import { checkDescriptions } from '../core/checks/registry';
import { detectStacks } from '../core/compose/stackDiscovery';
import type { StackDefinition } from '../core/compose/stack';
import { diskFileSource } from '../core/workspace/fileSource';
import { parseArgs, UsageError, USAGE, type CheckArgs } from './args';
import { knownFilesUnder } from './collectFiles';
import { formatJson, formatSarif, formatText, locate } from './formats';
import packageJson from '../../../package.json';

const VERSION: string = packageJson.version;

function envFilesFromArgs(args: CheckArgs, cwd: string): string[] | undefined {
  return args.envFiles.length ? args.envFiles.map((f) => path.resolve(cwd, f)) : undefined;
}

/** With -f, the one stack those files make; otherwise the stacks compose would find in the project directory. */
function stacksFromArgs(args: CheckArgs, cwd: string): StackDefinition[] {
  const envFiles = envFilesFromArgs(args, cwd);
  const projectDirectory = args.projectDirectory ? path.resolve(cwd, args.projectDirectory) : undefined;
  if (args.files.length) return [{ files: args.files.map((f) => path.resolve(cwd, f)), envFiles, projectDirectory }];
  const dir = projectDirectory ?? cwd;
  return detectStacks(dir, process.env, diskFileSource).map((s) => ({ ...s, envFiles, projectDirectory: dir }));
}

function filesToCheck(args: CheckArgs, stacks: StackDefinition[], cwd: string): string[] {
  const files = new Set<string>();
  for (const p of args.paths) {
    const full = path.resolve(cwd, p);
    if (!fs.existsSync(full)) throw new UsageError(`no such file or directory: ${p}`);
    for (const f of fs.statSync(full).isDirectory() ? knownFilesUnder(full) : [full]) files.add(f);
  }
  if (args.paths.length === 0 || args.files.length) for (const s of stacks) for (const f of s.files) files.add(f);
  for (const f of args.files) if (!fs.existsSync(path.resolve(cwd, f))) throw new UsageError(`no such file: ${f}`);
  return [...files];
}

function check(args: CheckArgs, cwd: string): number {
  const stacks = stacksFromArgs(args, cwd);
  const files = filesToCheck(args, stacks, cwd);
  if (files.length === 0 && args.paths.length === 0) throw new UsageError(`no compose file found in ${args.projectDirectory ?? cwd}; give a PATH or -f FILE`);
  // An explicit PATH with nothing StackLens knows in it is checked, and clean: say so, do not fail CI.
  if (files.length === 0) process.stderr.write(`stacklens: no file StackLens checks in ${args.paths.join(', ')}\n`);
  for (const f of args.envFiles) if (!fs.existsSync(path.resolve(cwd, f))) throw new UsageError(`couldn't find env file: ${path.resolve(cwd, f)}`);
  const analyzer = new Analyzer({
    source: diskFileSource,
    environment: process.env,
    stacks: args.files.length || args.projectDirectory ? stacks : [],
    envFiles: envFilesFromArgs(args, cwd),
    onCheckError: (code, error) => process.stderr.write(`stacklens: check ${code} failed: ${String(error)}\n`),
  });
  const seen = new Map<string, Finding>();
  for (const file of files) {
    for (const findings of analyzer.checkFile(file).values()) {
      for (const f of findings) seen.set(`${f.file}\0${f.code}\0${f.span.start}\0${f.span.end}\0${f.message}`, f);
    }
  }
  const located = locate([...seen.values()], (f) => displayPath(f, cwd), (f) => diskFileSource.readFile(f));
  const output = args.format === 'json' ? formatJson(located) : args.format === 'sarif' ? formatSarif(located, VERSION, checkDescriptions()) : formatText(located);
  if (output) process.stdout.write(output + '\n');
  const failing = located.some((f) => SEVERITY_RANK[f.severity] <= SEVERITY_RANK[args.failLevel]);
  return failing ? 1 : 0;
}

export function main(argv: string[]): number | 'serving' {
  try {
    const args = parseArgs(argv);
    switch (args.command) {
      case 'help': process.stdout.write(USAGE + '\n'); return 0;
      case 'version': process.stdout.write(VERSION + '\n'); return 0;
      case 'lsp': require('../lsp/server').startServer(); return 'serving';
      case 'check': return check(args, process.cwd());
    }
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`stacklens: ${error.message}\n\n${USAGE}\n`);
      return 2;
    }
    throw error;
  }
}
