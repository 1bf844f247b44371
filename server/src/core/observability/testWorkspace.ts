// Test support: an in-memory workspace whose directories list their subdirectories (the log-label
// check walks the tree), checked through the Analyzer as the CLI and the editor check it.
import * as path from 'node:path';
import { Analyzer } from '../analyzer';
import type { Finding, Fix } from '../diagnostic';
import type { FileSource } from '../workspace/fileSource';

export const ROOT = '/ws';

export function treeFileSource(files: Record<string, string>): FileSource {
  const map = new Map(Object.entries(files).map(([k, v]) => [path.join(ROOT, k), v]));
  return {
    readFile: (file) => map.get(file),
    listDir(dir) {
      const names = new Set<string>();
      for (const file of map.keys()) {
        const rel = path.relative(dir, file);
        if (rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel)) names.add(rel.split(path.sep)[0]);
      }
      return names.size > 0 ? [...names] : undefined;
    },
  };
}

export interface TestWorkspace {
  files: Record<string, string>;
  check(file: string): Finding[];
  apply(fix: Fix): Record<string, string>;
  text(finding: Finding): string;
}

export function testWorkspace(files: Record<string, string>): TestWorkspace {
  const analyzer = new Analyzer({
    source: treeFileSource(files),
    environment: {},
    onCheckError: (code, error) => {
      throw new Error(`check ${code} threw: ${error instanceof Error ? error.stack : String(error)}`);
    },
  });
  return {
    files,
    check: (file) => [...analyzer.checkFile(path.join(ROOT, file)).values()].flat(),
    apply(fix) {
      const out = { ...files };
      for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) {
        const rel = path.relative(ROOT, e.file);
        out[rel] = out[rel].slice(0, e.span.start) + e.newText + out[rel].slice(e.span.end);
      }
      return out;
    },
    text: (f) => files[path.relative(ROOT, f.file)].slice(f.span.start, f.span.end),
  };
}

/** A dashboard JSON with the given panels (and templating list), as Grafana writes it. */
export function dashboardJson(panels: unknown[], templating: unknown[] = [], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ title: 'Test', schemaVersion: 39, panels, templating: { list: templating }, ...extra }, null, 2) + '\n';
}

export const PROMETHEUS = { type: 'prometheus', uid: 'prom' };
export const LOKI = { type: 'loki', uid: 'loki' };
