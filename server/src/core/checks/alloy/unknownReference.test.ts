import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

const CODE = 'river/unknown-reference';
const WRITE = 'loki.write "local" {\n  endpoint {\n    url = "http://loki:3100/loki/api/v1/push"\n  }\n}\n';

test('a misspelt export gets a did-you-mean fix on the export name', () => {
  const run = checkAlloy(`${WRITE}loki.source.api "a" {\n  http { }\n  forward_to = [loki.write.local.reciever]\n}\n`, CODE);
  assert.deepEqual(run.texts, ['reciever']);
  assert.match(run.findings[0].message, /component "loki.write.local" does not export "reciever": did you mean "receiver"\?/);
  assert.match(applyFix(run, run.findings[0].fixes?.[0]), /\[loki\.write\.local\.receiver\]/);
});

test('an undeclared component, in Alloy\'s words, with the closest declared one', () => {
  const run = checkAlloy(`${WRITE}loki.source.api "a" {\n  forward_to = [loki.write.locl.receiver, prometheus.relabel.default.receiver]\n}\n`, CODE);
  assert.deepEqual(run.texts, ['loki.write.locl.receiver', 'prometheus.relabel.default.receiver']);
  assert.match(run.findings[1].message, /^component "prometheus.relabel.default.receiver" does not exist or is out of scope/);
  assert.match(applyFix(run, run.findings[0].fixes?.[0]), /\[loki\.write\.local\.receiver, /);
});

test('stdlib, foreach vars, declare arguments, custom exports and sibling files resolve', () => {
  const text = `declare "m" {\n  argument "in" { }\n  export "out" {\n    value = argument.in.value\n  }\n}\nm "a" {\n  in = sys.env("X")\n}\nlocal.file "f" {\n  filename = m.a.out\n}\n` +
    `foreach "e" {\n  collection = [1]\n  var = "each"\n  template {\n    local.file "g" {\n      filename = string.format("%d", each)\n    }\n  }\n}\nloki.source.api "s" {\n  forward_to = [loki.write.elsewhere.receiver]\n}\n`;
  assert.deepEqual(checkAlloy(text, CODE, { 'other.alloy': 'loki.write "elsewhere" {\n}\n' }).texts, []);
  assert.deepEqual(checkAlloy('local.file "f" {\n  filename = m.a.nope\n}\ndeclare "m" {\n  export "out" { value = 1 }\n}\nm "a" { }\n', CODE).texts, ['nope']);
});

test('module_path, the keyword for the current module\'s directory, resolves', () => {
  const text = 'import.file "lib" {\n  filename = file.path_join(module_path, "lib.alloy")\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});
