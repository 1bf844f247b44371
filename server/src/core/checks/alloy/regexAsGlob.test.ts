import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

const CODE = 'glob/regex-as-glob';

test('a regex in __path__ of local.file_match, with the glob as fix', () => {
  const text = 'local.file_match "f" {\n  path_targets = [{"__path__" = "^/var/log/.*\\\\.log$", job = "x"}]\n}\n';
  const run = checkAlloy(text, CODE);
  assert.deepEqual(run.texts, ['.*']);
  assert.match(applyFix(run, run.findings[0].fixes?.[0]), /"__path__" = "\/var\/log\/\*\.log"/);
});

test('doublestar globs are fine', () => {
  const text = 'local.file_match "f" {\n  path_targets = [{__path__ = "/var/log/**/*.log", __path_exclude__ = "/var/log/{a,b}/*.gz"}]\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).findings, []);
});
