import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlloy } from './alloyFixture';

const CODE = 'river/duplicate-component';

test('the same name and label twice in one scope', () => {
  const text = 'local.file_match "applogs" {\n  path_targets = []\n}\nlocal.file_match "applogs" {\n  path_targets = []\n}\n';
  const run = checkAlloy(text, CODE);
  assert.deepEqual(run.texts, ['local.file_match']);
  assert.equal(run.findings[0].span.start, text.lastIndexOf('local.file_match'));
  assert.match(run.findings[0].message, /^block local.file_match.applogs already declared at config.alloy:1:1/);
});

test('same name with other labels, or in different declare scopes, is fine', () => {
  const text = 'loki.write "a" {\n}\nloki.write "b" {\n}\ndeclare "m" {\n  loki.write "a" { }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});
