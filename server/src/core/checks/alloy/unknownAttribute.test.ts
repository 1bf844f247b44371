import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

const CODE = 'river/unknown-attribute';

test('an unknown attribute in a component or block, with did-you-mean', () => {
  const run = checkAlloy('discovery.relabel "x" {\n  targets = []\n  rule {\n    regx = "a"\n  }\n  target = []\n}\n', CODE);
  assert.deepEqual(run.texts, ['target', 'regx']);
  assert.match(run.findings[1].message, /unrecognized attribute name "regx" in discovery.relabel > rule: did you mean "regex"\?/);
  assert.match(applyFix(run, run.findings[1].fixes?.[0]), /\n    regex = "a"/);
});

test('documented attributes, shared includes (http client) and custom components are fine', () => {
  const text = 'prometheus.scrape "s" {\n  targets = []\n  forward_to = []\n  bearer_token = "t"\n  scrape_interval = "10s"\n}\ndeclare "m" {\n  argument "x" { }\n}\nm "a" {\n  x = 1\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});
