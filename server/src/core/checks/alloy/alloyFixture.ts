// Test support for Alloy checks: one config checked the way the analyzer checks it.
import assert from 'node:assert/strict';
import { parseAlloy } from '../../alloy/parser';
import type { Finding, Fix } from '../../diagnostic';
import { spanText, withCode, workspace, type Workspace } from '../../testing/stackFixture';

export interface AlloyRun {
  ws: Workspace;
  findings: Finding[];
  /** The text each finding points at. */
  texts: string[];
}

export function checkAlloy(text: string, code: string, files: Record<string, string> = {}): AlloyRun {
  const ws = workspace({ 'config.alloy': text, ...files });
  const findings = withCode(ws.check('config.alloy'), code);
  return { ws, findings, texts: findings.map((f) => spanText(ws, f)) };
}

/** Applies a fix to config.alloy and asserts the result parses cleanly. */
export function applyFix(run: AlloyRun, fix: Fix | undefined): string {
  assert.ok(fix, 'expected a fix');
  const text = run.ws.apply(fix)['config.alloy'];
  assert.deepEqual(parseAlloy(text).errors, [], text);
  return text;
}
