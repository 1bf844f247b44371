import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanText, withCode, workspace } from '../../testing/stackFixture';

test('duplicate keys are information, with a fix that removes the earlier line', () => {
  const ws = workspace({ '.env': 'A=1\nB=2\nA=3\n' });
  const [finding, ...rest] = withCode(ws.check('.env'), 'dotenv/duplicate-key');
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'information');
  assert.equal(spanText(ws, finding), 'A');
  assert.match(finding.message, /defined again on line 3/);
  assert.equal(ws.apply(finding.fixes![0])['.env'], 'B=2\nA=3\n');
});

test('syntax errors are reported and the rest of the file is still read', () => {
  const ws = workspace({ '.env.observability': 'GOOD=1\nBAD KEY=2\nQUOTE="unterminated\nLATER=3\nLATER=4\n' });
  const findings = ws.check('.env.observability');
  assert.ok(withCode(findings, 'dotenv/syntax').length >= 1);
  assert.ok(withCode(findings, 'dotenv/syntax').every((f) => f.severity === 'error'));
  assert.equal(withCode(findings, 'dotenv/duplicate-key').length, 1, 'LATER, after the errors, is still parsed');
});
