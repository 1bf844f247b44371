import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlloy } from './alloyFixture';

const CODE = 'river/unused-component';

test('a component whose exports nobody references is reported as information', () => {
  const run = checkAlloy('discovery.docker "d" {\n  host = "unix:///var/run/docker.sock"\n}\nloki.write "w" {\n}\n', CODE);
  assert.deepEqual(run.texts, ['discovery.docker']);
  assert.equal(run.findings[0].severity, 'information');
});

test('sinks, referenced components and references from sibling files are fine', () => {
  const text = 'discovery.docker "d" {\n  host = "unix:///var/run/docker.sock"\n}\nprometheus.scrape "s" {\n  targets = discovery.docker.d.targets\n  forward_to = []\n}\nlocal.file "k" {\n  filename = "/k"\n}\n';
  assert.deepEqual(checkAlloy(text, CODE, { 'b.alloy': 'x.y "z" {\n  v = local.file.k.content\n}\n' }).texts, []);
});
