import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlloy } from './alloyFixture';

const CODE = 'river/missing-required';

test('a missing required attribute, in Alloy\'s words and with what to do', () => {
  const run = checkAlloy('loki.write "x" {\n  endpoint { }\n}\nlocal.file_match "f" { }\n', CODE);
  assert.deepEqual(run.texts, ['endpoint', 'local.file_match']);
  assert.match(run.findings[0].message, /^missing required attribute "url" in loki.write.x > endpoint: add `url = <string>`/);
  assert.match(run.findings[1].message, /missing required attribute "path_targets"/);
});

test('attributes the docs call required but Go makes optional are not reported', () => {
  // loki.source.docker `labels` is "yes" in the docs and `attr,optional` in the Go struct.
  const text = 'loki.source.docker "d" {\n  host = "unix:///var/run/docker.sock"\n  targets = []\n  forward_to = []\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});
