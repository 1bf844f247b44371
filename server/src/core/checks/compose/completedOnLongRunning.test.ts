import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValidYaml, spanText, withCode, workspace } from '../../testing/stackFixture';

const CODE = 'compose/completed-on-long-running';

const stack = (initExtra: string) => `services:
  alloy-init:
    image: busybox:1.36
    command: ["sh", "-c", "chown -R 473 /var/lib/alloy && touch /tmp/done && sleep infinity"]
${initExtra}  alloy:
    image: grafana/alloy:v1.5.0
    depends_on:
      alloy-init:
        condition: service_completed_successfully
`;

test('an init service that sleeps after its work, with a healthcheck: suggests service_healthy', () => {
  const text = stack('    healthcheck:\n      test: ["CMD", "test", "-f", "/tmp/done"]\n');
  const ws = workspace({ 'docker-compose.yml': text });
  const [finding, ...rest] = withCode(ws.check(), CODE);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(spanText(ws, finding), 'service_completed_successfully');
  assert.match(finding.message, /healthcheck/);
  assert.equal(finding.fixes![0].title, 'Wait for "alloy-init" with service_healthy');
  const fixed = ws.apply(finding.fixes![0])['docker-compose.yml'];
  assertValidYaml(fixed);
  assert.match(fixed, /condition: service_healthy/);
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': fixed }).check(), CODE), []);
});

test('sleeping forever without a healthcheck: suggests service_started', () => {
  const ws = workspace({ 'docker-compose.yml': stack('') });
  const [finding] = withCode(ws.check(), CODE);
  assert.match(finding.message, /command never ends/);
  assert.match(ws.apply(finding.fixes![0])['docker-compose.yml'], /condition: service_started/);
});

test('restart: always or unless-stopped means the service never completes', () => {
  const text = stack('').replace(', "chown -R 473 /var/lib/alloy && touch /tmp/done && sleep infinity"', ', "true"').replace('  alloy:\n', '').replace('    image: grafana/alloy', '  alloy:\n    image: grafana/alloy');
  const withRestart = text.replace('    command:', '    restart: unless-stopped\n    command:');
  const [finding] = withCode(workspace({ 'docker-compose.yml': withRestart }).check(), CODE);
  assert.match(finding.message, /restart policy/);
});

test('silent on a real init container awaited for completion', () => {
  const text = `services:
  init:
    image: busybox:1.36
    command: ["chown", "-R", "10001:10001", "/loki"]
    restart: on-failure
  loki:
    image: grafana/loki:3.1.0
    depends_on:
      init:
        condition: service_completed_successfully
`;
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': text }).check(), CODE), []);
});
