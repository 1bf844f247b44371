// A check is one rule with a stable code: it reads a target (a stack, an env file, an Alloy file...)
// and reports findings, with their fixes, through `report`.
import type { Finding, Fix, Severity, Span } from '../diagnostic';

export interface Report {
  (finding: { file: string; span: Span; message: string; severity?: Severity; fixes?: Fix[] }): void;
}

export interface Check<Target> {
  /** Stable code, `language/rule-name`: users suppress it and CI pipelines filter on it. */
  code: string;
  severity: Severity;
  /** One line for documentation and `--list-checks`. */
  description: string;
  run(target: Target, report: Report): void;
}

/** Runs each check; a check that throws costs its own findings, never the others'. */
export function runChecks<Target>(checks: readonly Check<Target>[], target: Target, onError?: (code: string, error: unknown) => void): Finding[] {
  const findings: Finding[] = [];
  for (const check of checks) {
    // Spans are copied: the stack model's spans follow their nodes as later edits move them.
    const report: Report = (f) => {
      const finding: Finding = { ...f, span: copy(f.span), severity: f.severity ?? check.severity, code: check.code };
      if (f.fixes) finding.fixes = f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: copy(e.span) })) }));
      findings.push(finding);
    };
    try {
      check.run(target, report);
    } catch (error) {
      onError?.(check.code, error);
    }
  }
  return findings;
}

function copy(span: Span): Span {
  return { start: span.start, end: span.end };
}
