import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

test('parser errors are reported with Alloy\'s messages', () => {
  const run = checkAlloy('a = 1;\nloki.write "x" {\n', 'river/syntax');
  assert.ok(run.findings.length >= 1);
  assert.match(run.findings[0].message, /illegal character U\+003B ';'/);
  assert.equal(checkAlloy('logging {\n  level = "info"\n}\n', 'river/syntax').findings.length, 0);
});

test('statements joined by `;` are split onto their own lines by the fix', () => {
  const text = 'discovery.relabel "c" {\n  targets = []\n  rule {\n    source_labels = ["__meta_docker_container_name"]; target_label = "container"\n  }\n}\n';
  const run = checkAlloy(text, 'river/syntax');
  const fixed = applyFix(run, run.findings[0].fixes![0]);
  assert.equal(fixed, text.replace('; target_label', '\n    target_label'));
  assert.equal(checkAlloy(fixed, 'river/syntax').findings.length, 0);
});

test('a one-line block gets the next statement inside it; in an object the `;` becomes a comma', () => {
  const block = checkAlloy('rule { a = 1; b = 2 }\n', 'river/syntax');
  const fixed = applyFix(block, block.findings[0].fixes![0]);
  assert.equal(fixed, 'rule { a = 1\n\tb = 2 }\n');
  assert.equal(checkAlloy(fixed, 'river/syntax').findings.length, 0);
  const object = checkAlloy('x = { a = 1; b = 2 }\n', 'river/syntax');
  const fixedObject = applyFix(object, object.findings[0].fixes![0]);
  assert.equal(fixedObject, 'x = { a = 1, b = 2 }\n');
  assert.equal(checkAlloy(fixedObject, 'river/syntax').findings.length, 0);
});
