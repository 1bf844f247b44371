// The one entry point the language server, the CLI and the tests share: files in, findings out.
import * as path from 'node:path';
import type { Finding } from './diagnostic';
import { runChecks } from './checks/check';
import { composeChecks, dotenvChecks } from './checks/registry';
import type { ComposeSettings } from './checks/compose/target';
import { parseDotenv } from './compose/dotenv';
import { ComposeFileCache, loadStack, type Stack, type StackDefinition } from './compose/stack';
import { detectStacks, stacksForFile } from './compose/stackDiscovery';
import { applySuppressions } from './suppression';
import { alloyLanguage, observabilityLanguage } from './languages/load';
import type { LogPipelineIndex } from './observability/logPipelines';
import { fileKind } from './workspace/fileKinds';
import type { FileSource } from './workspace/fileSource';

export type Environment = Readonly<Record<string, string | undefined>>;

export interface AnalyzerOptions {
  source: FileSource;
  environment: Environment;
  /** Stacks the user declared (setting `stacklens.stacks`, or the CLI's -f/--env-file). */
  stacks?: readonly StackDefinition[];
  /** `--env-file` given on the command line: replaces `.env` for detected stacks too. */
  envFiles?: string[];
  compose?: Partial<ComposeSettings>;
  onCheckError?: (code: string, error: unknown) => void;
}

export class Analyzer {
  private readonly cache = new ComposeFileCache();
  /** Log pipelines of the workspace, for checking dashboards' LogQL labels. */
  private logPipelines?: LogPipelineIndex;

  constructor(private readonly options: AnalyzerOptions) {}

  get source(): FileSource {
    return this.options.source;
  }

  /** The stacks a compose file is part of. */
  stacksOf(file: string): Stack[] {
    const { environment, source, stacks = [] } = this.options;
    const envFiles = this.options.envFiles;
    return stacksForFile(file, stacks, environment, source).map((def) => this.loadStack(envFiles && !def.envFiles ? { ...def, envFiles } : def));
  }

  loadStack(definition: StackDefinition): Stack {
    return loadStack(definition, this.options.environment, this.options.source, this.cache);
  }

  checkStack(stack: Stack): Finding[] {
    const settings = { schemaValidation: this.options.compose?.schemaValidation ?? true };
    return this.suppress(runChecks(composeChecks, { stack, source: this.options.source, settings }, this.options.onCheckError));
  }

  /**
   * Findings for one file, and for the other files its stacks span (a fix or a problem may live there):
   * keyed by file, each list free of duplicates from stacks that share a file.
   */
  checkFile(file: string): Map<string, Finding[]> {
    const byFile = new Map<string, Finding[]>([[file, []]]);
    // Checks are guarded one by one; this guards reading the file and its stacks, so a bug on some
    // half-typed input costs that file's diagnostics, never the server.
    try {
      this.checkInto(file, byFile);
    } catch (error) {
      this.options.onCheckError?.(`reading ${file}`, error);
    }
    return byFile;
  }

  private checkInto(file: string, byFile: Map<string, Finding[]>): void {
    const text = this.options.source.readFile(file);
    if (text === undefined) return;
    const kind = fileKind(file, text);
    if (kind === 'compose') {
      for (const stack of this.stacksOf(file)) {
        for (const f of stack.files) if (!byFile.has(f.path)) byFile.set(f.path, []);
        for (const finding of this.checkStack(stack)) addUnique(byFile, finding);
      }
    } else if (kind === 'dotenv') {
      const target = { file, text, parsed: parseDotenv(text) };
      for (const finding of this.suppress(runChecks(dotenvChecks, target, this.options.onCheckError))) addUnique(byFile, finding);
    } else if (kind === 'alloy') {
      const { source, environment } = this.options;
      const { alloyChecks, alloyTarget } = alloyLanguage();
      const target = alloyTarget(file, text, source, (dir) => detectStacks(dir, environment, source).map((d) => this.loadStack(d)));
      for (const finding of this.suppress(runChecks(alloyChecks, target, this.options.onCheckError))) addUnique(byFile, finding);
    } else if (kind === 'dashboard' || kind === 'prometheus' || kind === 'promtail' || kind === 'loki') {
      for (const finding of this.suppress(this.checkObservabilityFile(file, text, kind))) addUnique(byFile, finding);
    }
  }

  /** Dashboards and Prometheus, Promtail and Loki configurations: their queries and patterns, and Loki's settings. */
  private checkObservabilityFile(file: string, text: string, kind: 'dashboard' | 'prometheus' | 'promtail' | 'loki'): Finding[] {
    const { LogPipelineIndex, lokiChecks, queryChecks, queryFileTarget, readLokiConfig } = observabilityLanguage();
    const pipelines = (this.logPipelines ??= new LogPipelineIndex(this.options.source));
    const target = queryFileTarget(file, text, kind, () => pipelines.labelsFor(file));
    const findings = runChecks(queryChecks, target, this.options.onCheckError);
    if (kind === 'loki') findings.push(...runChecks(lokiChecks, readLokiConfig(file, text), this.options.onCheckError));
    return findings;
  }

  private suppress(findings: Finding[]): Finding[] {
    return applySuppressions(findings, (f) => this.options.source.readFile(f));
  }
}

function addUnique(byFile: Map<string, Finding[]>, finding: Finding): void {
  const list = byFile.get(finding.file) ?? [];
  byFile.set(finding.file, list);
  const same = list.some((f) => f.code === finding.code && f.span.start === finding.span.start && f.span.end === finding.span.end && f.message === finding.message);
  if (!same) list.push(finding);
}

export function displayPath(file: string, cwd: string): string {
  const rel = path.relative(cwd, file);
  return rel.startsWith('..') || path.isAbsolute(rel) ? file : rel;
}
