import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

const CODE = 'river/unknown-component';

test('a misspelt component gets a did-you-mean fix', () => {
  const run = checkAlloy('discovery.relable "x" {\n  targets = []\n}\n', CODE);
  assert.deepEqual(run.texts, ['discovery.relable']);
  assert.match(run.findings[0].message, /cannot find the definition of component name "discovery.relable": did you mean "discovery.relabel"\?/);
  assert.match(applyFix(run, run.findings[0].fixes?.[0]), /^discovery\.relabel "x"/);
});

test('config blocks, declared and imported components are known', () => {
  const text = 'logging { }\ndeclare "mine" { }\nmine "a" { }\nimport.file "lib" {\n  filename = "lib.alloy"\n}\nlib.thing "b" { }\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
  assert.deepEqual(checkAlloy('totally_unknown "x" { }\n', CODE).findings[0].fixes, []);
});
