import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

const CODE = 'regex/invalid-re2';

test('RE2 rejections point at the exact characters, escapes accounted for', () => {
  const text = 'loki.process "p" {\n  forward_to = []\n  stage.regex {\n    expression = "\\\\d+(?=x)"\n  }\n  stage.replace {\n    expression = `\\w(?<!a)`\n  }\n}\n';
  const run = checkAlloy(text, CODE);
  assert.deepEqual(run.texts, ['(?=', '(?<!a)']);
  assert.match(run.findings[0].message, /^stage.regex.expression: error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`/);
});

test('a glob in a relabel regex is invalid, with the regex to use as fix', () => {
  const text = 'discovery.relabel "r" {\n  targets = []\n  rule {\n    source_labels = ["__path__"]\n    regex = "*.log"\n    action = "keep"\n  }\n}\n';
  const run = checkAlloy(text, CODE);
  assert.deepEqual(run.texts, ['*']);
  assert.match(applyFix(run, run.findings[0].fixes?.[0]), /regex = "\.\*\\\\\.log"/);
});

test('valid regexes and non-regex attributes are fine', () => {
  const text = 'prometheus.relabel "r" {\n  forward_to = []\n  rule {\n    regex = "(?i)err(or)?|warn"\n    replacement = "(("\n  }\n}\nloki.process "p" {\n  forward_to = []\n  stage.regex { expression = "^(?P<ts>\\\\S+) (?<lvl>\\\\w+)" }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).findings, []);
});
