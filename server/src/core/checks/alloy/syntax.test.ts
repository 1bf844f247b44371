import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlloy } from './alloyFixture';

test('parser errors are reported with Alloy\'s messages', () => {
  const run = checkAlloy('a = 1;\nloki.write "x" {\n', 'river/syntax');
  assert.ok(run.findings.length >= 1);
  assert.match(run.findings[0].message, /illegal character U\+003B ';'/);
  assert.equal(checkAlloy('logging {\n  level = "info"\n}\n', 'river/syntax').findings.length, 0);
});
