// The three output formats of `stacklens check`. JSON and SARIF are contracts other tools read.
import type { Finding, Severity } from '../core/diagnostic';
import { LineIndex, type Range } from '../core/text/lineIndex';

export interface LocatedFinding extends Finding {
  /** Path as printed: relative to the working directory. */
  displayPath: string;
  range: Range;
}

export function locate(findings: Finding[], displayPath: (file: string) => string, textOf: (file: string) => string | undefined): LocatedFinding[] {
  const indexes = new Map<string, LineIndex>();
  const indexOf = (file: string) => {
    if (!indexes.has(file)) indexes.set(file, LineIndex.of(textOf(file) ?? ''));
    return indexes.get(file)!;
  };
  return findings
    .map((f) => ({ ...f, displayPath: displayPath(f.file), range: indexOf(f.file).rangeOf(f.span) }))
    .sort((a, b) => a.displayPath.localeCompare(b.displayPath) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.code.localeCompare(b.code));
}

export function formatText(findings: LocatedFinding[]): string {
  return findings
    .map((f) => `${f.displayPath}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${f.severity} ${f.code}: ${f.message}`)
    .join('\n');
}

export function formatJson(findings: LocatedFinding[]): string {
  const diagnostics = findings.map((f) => ({
    file: f.displayPath,
    range: f.range,
    severity: f.severity,
    code: f.code,
    message: f.message,
    source: 'stacklens',
  }));
  return JSON.stringify({ diagnostics }, null, 2);
}

const SARIF_LEVEL: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

export function formatSarif(findings: LocatedFinding[], version: string, descriptions: ReadonlyMap<string, string>): string {
  const ruleIds = [...new Set(findings.map((f) => f.code))].sort();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [{
      tool: {
        driver: {
          name: 'stacklens',
          version,
          rules: ruleIds.map((id) => ({ id, shortDescription: { text: descriptions.get(id) ?? id } })),
        },
      },
      results: findings.map((f) => ({
        ruleId: f.code,
        ruleIndex: ruleIds.indexOf(f.code),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{
          physicalLocation: {
            artifactLocation: { uri: f.displayPath.split('\\').join('/') },
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        }],
      })),
    }],
  };
  return JSON.stringify(sarif, null, 2);
}
