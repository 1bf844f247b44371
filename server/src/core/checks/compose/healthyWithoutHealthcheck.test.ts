import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValidYaml, spanText, withCode, workspace } from '../../testing/stackFixture';

const CODE = 'compose/healthy-without-healthcheck';

const text = `services:
  loki:
    image: grafana/loki:3.1.0
    ports:
      - "3100:3100"
  grafana:
    image: grafana/grafana:11.0.0
    depends_on:
      loki:
        condition: service_healthy
`;

test('service_healthy on an image-based service without healthcheck is a warning with two fixes', () => {
  const ws = workspace({ 'docker-compose.yml': text });
  const [finding, ...rest] = withCode(ws.check(), CODE);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(spanText(ws, finding), 'service_healthy');
  assert.match(finding.message, /unless the image defines a HEALTHCHECK/);
  const [addHealthcheck, changeCondition] = finding.fixes!;
  const fixed = ws.apply(addHealthcheck)['docker-compose.yml'];
  assertValidYaml(fixed);
  assert.match(fixed, /      - "3100:3100"\n    healthcheck:\n      test: \["CMD-SHELL", "wget -q --spider http:\/\/localhost:3100\/ready \|\| exit 1"\]\n      interval: 5s\n/);
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': fixed }).check(), CODE), []);
  assert.match(ws.apply(changeCondition)['docker-compose.yml'], /condition: service_started/);
});

test('an error when the dependency builds from a workspace Dockerfile without HEALTHCHECK', () => {
  const built = text.replace('    image: grafana/loki:3.1.0\n', '    build: ./loki\n');
  const ws = workspace({ 'docker-compose.yml': built, 'loki/Dockerfile': 'FROM grafana/loki:3.1.0\nCOPY config.yaml /etc/loki/\n' });
  const [finding] = withCode(ws.check(), CODE);
  assert.equal(finding.severity, 'error');
  assert.match(finding.message, /Dockerfile defines no HEALTHCHECK/);
  const withHealthcheck = workspace({ 'docker-compose.yml': built, 'loki/Dockerfile': 'FROM grafana/loki:3.1.0\nHEALTHCHECK CMD wget -q --spider http://localhost:3100/ready\n' });
  assert.deepEqual(withCode(withHealthcheck.check(), CODE), []);
});

test('a disabled healthcheck counts as none; a defined one is fine', () => {
  const disabled = text.replace('    ports:', '    healthcheck:\n      disable: true\n    ports:');
  assert.match(withCode(workspace({ 'docker-compose.yml': disabled }).check(), CODE)[0].message, /healthcheck is disabled/);
  const healthy = text.replace('    ports:', '    healthcheck:\n      test: ["CMD", "true"]\n    ports:');
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': healthy }).check(), CODE), []);
});

test('an override file that adds the healthcheck satisfies the base file', () => {
  const ws = workspace({
    'docker-compose.yml': text,
    'docker-compose.override.yml': 'services:\n  loki:\n    healthcheck:\n      test: ["CMD", "true"]\n',
  });
  assert.deepEqual(withCode(ws.check(), CODE), []);
});

test('silent for an optional dependency: compose only warns and starts the dependant', () => {
  const optional = text.replace('        condition: service_healthy', '        condition: service_healthy\n        required: false');
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': optional }).check(), CODE), []);
});

test('a healthcheck that comes through an alias or extends counts', () => {
  const aliased = `x-hc: &hc\n  test: ["CMD", "true"]\n` + text.replace('    ports:', '    healthcheck: *hc\n    ports:');
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': aliased }).check(), CODE), []);
  const extended = text.replace('  loki:\n    image: grafana/loki:3.1.0\n', '  lokibase:\n    image: grafana/loki:3.1.0\n    healthcheck:\n      test: ["CMD", "true"]\n  loki:\n    extends: lokibase\n');
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': extended }).check(), CODE), []);
});
