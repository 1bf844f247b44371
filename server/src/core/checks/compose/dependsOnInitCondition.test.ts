import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValidYaml, spanText, withCode, workspace } from '../../testing/stackFixture';

const CODE = 'compose/depends-on-init-condition';

const SHORT_FORM = `services:
  init:
    image: busybox:1.36
    command: ["chown", "-R", "10001:10001", "/data"]
  loki:
    image: grafana/loki:3.1.0
    depends_on: [init]
`;

test('warns on the short form awaiting a chown init container, and fixes it to the long form', () => {
  const ws = workspace({ 'docker-compose.yml': SHORT_FORM });
  const [finding, ...rest] = withCode(ws.check(), CODE);
  assert.equal(rest.length, 0);
  assert.equal(finding.severity, 'warning');
  assert.equal(spanText(ws, finding), 'init');
  assert.match(finding.message, /service_completed_successfully/);
  const fixed = ws.apply(finding.fixes![0])['docker-compose.yml'];
  assert.equal(fixed, SHORT_FORM.replace('depends_on: [init]', 'depends_on:\n      init:\n        condition: service_completed_successfully'));
  assertValidYaml(fixed);
  assert.equal(withCode(workspace({ 'docker-compose.yml': fixed }).check(), CODE).length, 0);
});

test('block list form keeps the other dependencies as service_started', () => {
  const text = `services:
    setup:
        image: busybox:1.36
        entrypoint: ["sh", "-c", "mkdir -p /data/loki && chown -R 10001 /data/loki"]
    db:
        image: postgres:16
    app:
        image: app:1
        depends_on:
            - db
            - setup
`;
  const ws = workspace({ 'docker-compose.yml': text });
  const [finding] = withCode(ws.check(), CODE);
  assert.equal(spanText(ws, finding), 'setup');
  const fixed = ws.apply(finding.fixes![0])['docker-compose.yml'];
  assert.match(fixed, /depends_on:\n {12}db:\n {16}condition: service_started\n {12}setup:\n {16}condition: service_completed_successfully\n$/);
  assertValidYaml(fixed);
});

test('an explicit service_started on a run-once service points at the condition and replaces it', () => {
  const text = `services:
  init:
    image: busybox:1.36
    command: chown -R 472 /var/lib/grafana
    restart: "no"
  grafana:
    image: grafana/grafana:11.0.0
    depends_on:
      init:
        condition: service_started
`;
  const ws = workspace({ 'docker-compose.yml': text });
  const [finding] = withCode(ws.check(), CODE);
  assert.equal(spanText(ws, finding), 'service_started');
  assert.equal(ws.apply(finding.fixes![0])['docker-compose.yml'], text.replace('condition: service_started', 'condition: service_completed_successfully'));
});

test('a service awaited elsewhere for completion counts as run-once', () => {
  const text = `services:
  migrate:
    image: app:1
  api:
    image: app:1
    depends_on:
      migrate:
        condition: service_completed_successfully
  worker:
    image: app:1
    depends_on: [migrate]
`;
  const findings = withCode(workspace({ 'docker-compose.yml': text }).check(), CODE);
  assert.equal(findings.length, 1);
  assert.match(findings[0].message, /"worker" waits for it/);
});

test('silent on long-running services, servers without a restart policy, and completed conditions', () => {
  const text = `services:
  loki:
    image: grafana/loki:3.1.0
    command: -config.file=/etc/loki/config.yaml
  prometheus:
    image: prom/prometheus:v2.53.0
    command: ["--config.file=/etc/prometheus/prometheus.yml"]
  grafana:
    image: grafana/grafana:11.0.0
    restart: unless-stopped
  sleeper:
    image: busybox:1.36
    command: ["sh", "-c", "chown -R 1 /d && sleep infinity"]
  init:
    image: busybox:1.36
    command: ["chown", "-R", "1", "/d"]
  alloy:
    image: grafana/alloy:v1.5.0
    depends_on:
      - loki
      - prometheus
      - grafana
      - sleeper
      init:
`;
  // (The list above is invalid YAML on purpose at the end: half-typed files must not crash the check.)
  assert.doesNotThrow(() => workspace({ 'docker-compose.yml': text }).check());
  const valid = text.replace('      init:\n', '');
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': valid }).check(), CODE), []);
  const completed = valid + '  other:\n    image: x:1\n    depends_on:\n      init:\n        condition: service_completed_successfully\n';
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': completed }).check(), CODE), []);
});

test('a shell or cat kept alive with stdin_open/tty is no init container', () => {
  const text = `services:
  toolbox:
    image: busybox:1.36
    command: cat
    stdin_open: true
  app:
    image: app:1
    depends_on: [toolbox]
`;
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': text }).check(), CODE), []);
});

test('silent when depends_on orders a build that uses the dependency as a build context', () => {
  const text = `services:
  dep1:
    build: ./dep1
    entrypoint: ["echo", "built"]
  firstbuild:
    build:
      context: .
      additional_contexts:
        dep1: service:dep1
    entrypoint: ["echo", "ok"]
    depends_on: [dep1]
`;
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': text }).check(), CODE), []);
  const unrelated = text.replace('        dep1: service:dep1\n', '        other: ../other\n');
  assert.equal(withCode(workspace({ 'docker-compose.yml': unrelated }).check(), CODE).length, 1);
});
