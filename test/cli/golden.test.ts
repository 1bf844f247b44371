// Golden diagnostics: each folder of test/fixtures/golden is checked by the real CLI and compared with
// its expected.json, so every change of behaviour shows as a diff there.
// Update them with: UPDATE_GOLDEN=1 npm run test:unit
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIXTURES, REPO, runCli } from './runCli';

const GOLDEN = path.join(FIXTURES, 'golden');

for (const scenario of fs.readdirSync(GOLDEN).sort()) {
  const dir = path.join(GOLDEN, scenario);
  if (!fs.statSync(dir).isDirectory()) continue;
  test(`golden: ${scenario}`, () => {
    const argsFile = path.join(dir, 'args.json');
    const extra: string[] = fs.existsSync(argsFile) ? JSON.parse(fs.readFileSync(argsFile, 'utf8')) : [];
    const { stdout, stderr, code } = runCli(['check', '.', '--format', 'json', '--fail-level', 'hint', ...extra], dir);
    assert.equal(stderr, '');
    const actual = JSON.parse(stdout);
    const expectedFile = path.join(dir, 'expected.json');
    if (process.env.UPDATE_GOLDEN) fs.writeFileSync(expectedFile, JSON.stringify(actual, null, 2) + '\n');
    assert.deepEqual(actual, JSON.parse(fs.readFileSync(expectedFile, 'utf8')), `${path.relative(REPO, expectedFile)} differs`);
    assert.equal(code, actual.diagnostics.length ? 1 : 0);
  });
}
