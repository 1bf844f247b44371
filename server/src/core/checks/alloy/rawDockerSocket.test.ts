import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

const CODE = 'river/raw-docker-socket';
const ALLOY = 'discovery.docker "d" {\n  host = "unix:///var/run/docker.sock"\n}\n';
const PROXY = 'services:\n  socket-proxy:\n    image: tecnativa/docker-socket-proxy:0.3.0\n  alloy:\n    image: grafana/alloy:v1.10.0\n';

test('the raw socket while the stack (same or parent directory) runs a socket proxy', () => {
  const run = checkAlloy(ALLOY, CODE, { 'docker-compose.yml': PROXY });
  assert.deepEqual(run.texts, ['"unix:///var/run/docker.sock"']);
  assert.match(applyFix(run, run.findings[0].fixes?.[0]), /host = "tcp:\/\/socket-proxy:2375"/);
  const nested = checkAlloy('', CODE, { 'alloy/config.alloy': ALLOY, 'docker-compose.yml': PROXY });
  assert.equal(nested.ws.check('alloy/config.alloy').filter((f) => f.code === CODE).length, 1);
});

test('no proxy in the stack, or no stack, is fine', () => {
  assert.deepEqual(checkAlloy(ALLOY, CODE, { 'docker-compose.yml': 'services:\n  alloy:\n    image: grafana/alloy:v1.10.0\n' }).findings, []);
  assert.deepEqual(checkAlloy(ALLOY, CODE).findings, []);
});
