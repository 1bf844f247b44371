// Test support: a workspace in memory, checked the way the editor and the CLI check it.
import * as path from 'node:path';
import { parseDocument } from 'yaml';
import { Analyzer, type Environment } from '../analyzer';
import type { Finding, Fix } from '../diagnostic';
import type { StackDefinition } from '../compose/stack';
import { memoryFileSource } from '../workspace/fileSource';

export const ROOT = '/project';

export interface Workspace {
  files: Record<string, string>;
  analyzer: Analyzer;
  /** Findings for a file (relative to ROOT) and the files its stacks span. */
  check(file?: string): Finding[];
  /** The text of every file after applying a fix. */
  apply(fix: Fix): Record<string, string>;
}

export function workspace(files: Record<string, string>, options: { env?: Environment; stacks?: StackDefinition[] } = {}): Workspace {
  const absolute = Object.fromEntries(Object.entries(files).map(([k, v]) => [path.join(ROOT, k), v]));
  const analyzer = new Analyzer({
    source: memoryFileSource(absolute),
    environment: options.env ?? {},
    stacks: options.stacks,
    onCheckError: (code, error) => {
      throw new Error(`check ${code} threw: ${error instanceof Error ? error.stack : String(error)}`);
    },
  });
  return {
    files,
    analyzer,
    check(file = 'docker-compose.yml') {
      return [...analyzer.checkFile(path.join(ROOT, file)).values()].flat();
    },
    apply(fix) {
      const out = { ...files };
      const byFile = new Map<string, Fix['edits']>();
      for (const e of fix.edits) byFile.set(e.file, [...(byFile.get(e.file) ?? []), e]);
      for (const [file, edits] of byFile) {
        const rel = path.relative(ROOT, file);
        let text = out[rel];
        for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
        out[rel] = text;
      }
      return out;
    },
  };
}

export function withCode(findings: Finding[], code: string): Finding[] {
  return findings.filter((f) => f.code === code);
}

/** The text a finding points at. */
export function spanText(ws: Workspace, finding: Finding): string {
  return ws.files[path.relative(ROOT, finding.file)].slice(finding.span.start, finding.span.end);
}

export function assertValidYaml(text: string): void {
  const doc = parseDocument(text);
  if (doc.errors.length) throw new Error(`fix left invalid YAML: ${doc.errors[0].message}\n${text}`);
}
