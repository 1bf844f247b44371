// The observability fixture (dashboards, Prometheus, Promtail and Loki configurations with deliberate
// mistakes) through the real CLI, compared with its golden expected.json.
// Update it with: UPDATE_GOLDEN=1 npm run test:unit
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, runCli } from './runCli';

const DIR = path.join(FIXTURES, 'infra');

test('stacklens check test/fixtures/infra reports the deliberate mistakes, and only them', () => {
  const { stdout, stderr, code } = runCli(['check', 'test/fixtures/infra', '--format', 'json']);
  assert.equal(stderr, '');
  const actual = JSON.parse(stdout);
  const expectedFile = path.join(DIR, 'expected.json');
  if (process.env.UPDATE_GOLDEN) fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
  assert.deepEqual(actual, JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
  assert.equal(code, 1);
  const codes = new Set(actual.diagnostics.map((d: { code: string }) => d.code));
  for (const c of ['query/glob-with-equality-matcher', 'regex/invalid-re2', 'regex/glob-as-regex', 'query/syntax', 'query/unknown-log-label', 'glob/regex-as-glob', 'loki/retention-not-enforced', 'loki/retention-needs-delete-store']) {
    assert.ok(codes.has(c), `${c} reported`);
  }
  // The clean dashboard in the same folder has nothing.
  assert.ok(!actual.diagnostics.some((d: { file: string }) => d.file.endsWith('clean.json')));
});
