import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanText, withCode, workspace } from '../../testing/stackFixture';
import { imageTag } from './unpinnedImage';

test('image tags: registry ports are not tags, digests pin', () => {
  assert.equal(imageTag('grafana/loki'), undefined);
  assert.equal(imageTag('registry:5000/team/app'), undefined);
  assert.equal(imageTag('registry:5000/team/app:1.2'), '1.2');
  assert.equal(imageTag('busybox@sha256:abc'), 'digest');
});

test('advice stays at information level', () => {
  const ws = workspace({
    'docker-compose.yml': `services:
  alloy:
    image: grafana/alloy:latest
    user: "473"
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock:ro
  app:
    image: myapp
    logging:
      driver: loki
  pinned:
    image: grafana/loki:3.1.0
    volumes:
      - /var/run/docker.sock:/var/run/docker.sock
`,
  });
  const findings = ws.check();
  assert.ok(findings.every((f) => f.severity === 'information'), JSON.stringify(findings));
  assert.deepEqual(withCode(findings, 'compose/unpinned-image').map((f) => spanText(ws, f)), ['grafana/alloy:latest', 'myapp']);
  assert.deepEqual(withCode(findings, 'compose/docker-socket-non-root').map((f) => spanText(ws, f)), ['/var/run/docker.sock:/var/run/docker.sock:ro']);
  assert.deepEqual(withCode(findings, 'compose/loki-logging-driver').map((f) => spanText(ws, f)), ['loki']);
});

test('an image that only tags a local build is not unpinned', () => {
  const ws = workspace({ 'docker-compose.yml': 'services:\n  app:\n    build: .\n    image: myapp\n' });
  assert.deepEqual(withCode(ws.check(), 'compose/unpinned-image'), []);
});
