import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadStack } from './stack';
import { detectStacks, stacksForFile } from './stackDiscovery';
import { memoryFileSource } from '../workspace/fileSource';

const base = `name: Obs_Stack
services:
  loki:
    image: grafana/loki:\${LOKI_TAG:-3.0.0}
    restart: unless-stopped
    command: ["-config.file=/etc/loki/a.yaml"]
    healthcheck:
      test: ["CMD", "true"]
      interval: 5s
    volumes:
      - ./loki:/etc/loki
    depends_on: [init]
  init:
    image: busybox:1.36
`;
const override = `services:
  loki:
    image: grafana/loki:3.1.0
    command: ["-config.file=/etc/loki/b.yaml"]
    healthcheck:
      disable: true
    volumes:
      - data:/loki
    depends_on:
      init:
        condition: service_completed_successfully
      extra:
        condition: service_started
  extra:
    image: busybox:1.36
    restart: !reset always
`;

test('merging: later files replace scalars and commands, merge healthcheck and depends_on, append volumes', () => {
  const source = memoryFileSource({ '/p/docker-compose.yml': base, '/p/docker-compose.override.yml': override });
  const stack = loadStack({ files: ['/p/docker-compose.yml', '/p/docker-compose.override.yml'] }, {}, source);
  const loki = stack.services.get('loki')!;
  assert.equal(loki.image!.value, 'grafana/loki:3.1.0');
  assert.equal(loki.image!.file, '/p/docker-compose.override.yml');
  assert.deepEqual(loki.command!.value, ['-config.file=/etc/loki/b.yaml']);
  assert.equal(loki.restart!.value, 'unless-stopped');
  assert.equal(loki.healthcheck!.value.disabled, true);
  assert.deepEqual(loki.volumes.map((v) => v.value), ['./loki:/etc/loki', 'data:/loki']);
  assert.deepEqual([...loki.dependsOn.values()].map((d) => [d.service, d.effectiveCondition, d.form]), [
    ['init', 'service_completed_successfully', 'long'],
    ['extra', 'service_started', 'long'],
  ]);
  assert.equal(stack.services.get('extra')!.restart, undefined, '!reset clears the value');
  assert.equal(stack.projectName, 'obs_stack');
  assert.equal(loki.definitions.length, 2);
});

test('interpolation happens per file with the stack variables, before the merge', () => {
  const source = memoryFileSource({ '/p/compose.yaml': base, '/p/.env': 'LOKI_TAG=2.9.0\n' });
  const stack = loadStack({ files: ['/p/compose.yaml'] }, {}, source);
  assert.equal(stack.services.get('loki')!.image!.value, 'grafana/loki:2.9.0');
  const fromEnvironment = loadStack({ files: ['/p/compose.yaml'] }, { LOKI_TAG: '3.2.0' }, source);
  assert.equal(fromEnvironment.services.get('loki')!.image!.value, 'grafana/loki:3.2.0');
  assert.equal(fromEnvironment.variables.variables.get('LOKI_TAG')!.source.kind, 'environment');
});

test('the project directory is the first file\'s directory unless given; .env comes from there', () => {
  const source = memoryFileSource({ '/p/a/compose.yaml': base, '/p/a/.env': 'X=1\n', '/p/b/.env': 'X=2\n' });
  assert.equal(loadStack({ files: ['/p/a/compose.yaml'] }, {}, source).variables.variables.get('X')!.value, '1');
  assert.equal(loadStack({ files: ['/p/a/compose.yaml'], projectDirectory: '/p/b' }, {}, source).variables.variables.get('X')!.value, '2');
  const explicit = loadStack({ files: ['/p/a/compose.yaml'], envFiles: ['/p/b/.env', '/p/a/missing.env'] }, {}, source);
  assert.deepEqual(explicit.variables.envFiles, ['/p/b/.env']);
  assert.deepEqual(explicit.variables.missingEnvFiles, ['/p/a/missing.env']);
});

test('stack detection: base + override, observability siblings with the base, COMPOSE_FILE', () => {
  const source = memoryFileSource({
    '/w/docker-compose.yml': base,
    '/w/docker-compose.override.yml': override,
    '/w/docker-compose.observability.yml': 'services: {}\n',
  });
  assert.deepEqual(detectStacks('/w', {}, source).map((s) => s.files), [
    ['/w/docker-compose.yml', '/w/docker-compose.override.yml'],
    ['/w/docker-compose.yml', '/w/docker-compose.observability.yml'],
  ]);
  assert.deepEqual(stacksForFile('/w/docker-compose.observability.yml', [], {}, source).map((s) => s.files), [
    ['/w/docker-compose.yml', '/w/docker-compose.observability.yml'],
  ]);
  const configured = [{ files: ['/w/docker-compose.yml', '/w/docker-compose.observability.yml'], envFiles: ['/w/.env.observability'] }];
  assert.deepEqual(stacksForFile('/w/docker-compose.yml', configured, {}, source), configured);
  assert.deepEqual(detectStacks('/w', { COMPOSE_FILE: 'docker-compose.yml:docker-compose.observability.yml' }, source)[0].files, [
    '/w/docker-compose.yml',
    '/w/docker-compose.observability.yml',
  ]);
  const viaDotenv = memoryFileSource({ '/v/.env': 'COMPOSE_FILE=a.yml;b.yml\nCOMPOSE_PATH_SEPARATOR=;\n', '/v/a.yml': '', '/v/b.yml': '' });
  assert.deepEqual(detectStacks('/v', {}, viaDotenv)[0].files, ['/v/a.yml', '/v/b.yml']);
});

test('a file opened alone, with no base file beside it, is its own stack', () => {
  const source = memoryFileSource({ '/x/monitoring.yml': base });
  assert.deepEqual(stacksForFile('/x/monitoring.yml', [], {}, source), [{ files: ['/x/monitoring.yml'] }]);
});

test('anchors, aliases and << merge keys are read as compose reads them', () => {
  const text = `x-hc: &hc
  test: ["CMD", "true"]
x-base: &base
  restart: unless-stopped
  healthcheck: *hc
services:
  loki:
    <<: *base
    image: grafana/loki:3.1.0
  tempo:
    image: grafana/tempo:2.6.1
    healthcheck: *hc
  override:
    <<: [*base]
    restart: "no"
`;
  const stack = loadStack({ files: ['/p/compose.yaml'] }, {}, memoryFileSource({ '/p/compose.yaml': text }));
  const loki = stack.services.get('loki')!;
  assert.equal(loki.restart!.value, 'unless-stopped');
  assert.equal(loki.healthcheck!.value.disabled, false);
  assert.ok(stack.services.get('tempo')!.healthcheck);
  assert.equal(stack.services.get('override')!.restart!.value, 'no', 'own keys win over merged ones');
});

test('extends pulls in the base service, from the same file or another, but not its dependencies', () => {
  const source = memoryFileSource({
    '/p/compose.yaml': 'services:\n  dbbase:\n    image: postgres:16\n    healthcheck:\n      test: ["CMD", "pg_isready"]\n    depends_on: [other]\n  db:\n    extends: dbbase\n  cache:\n    extends:\n      file: common/base.yaml\n      service: redis\n  other:\n    image: busybox:1.36\n',
    '/p/common/base.yaml': 'services:\n  redis:\n    image: redis:7\n    restart: always\n',
  });
  const stack = loadStack({ files: ['/p/compose.yaml'] }, {}, source);
  const db = stack.services.get('db')!;
  assert.equal(db.image!.value, 'postgres:16');
  assert.ok(db.healthcheck);
  assert.equal(db.dependsOn.size, 0);
  assert.equal(db.definitions.length, 1, 'only its own definition is edited by fixes');
  assert.equal(stack.services.get('cache')!.restart!.value, 'always');
});

test('include: pulls the included files into the stack', () => {
  const source = memoryFileSource({
    '/p/compose.yaml': 'include:\n  - infra/compose.yaml\n  - path: [obs/a.yaml]\nservices:\n  app:\n    image: app:1\n    depends_on: [db, loki]\n',
    '/p/infra/compose.yaml': 'services:\n  db:\n    image: postgres:16\n',
    '/p/obs/a.yaml': 'include:\n  - ../compose.yaml\nservices:\n  loki:\n    image: grafana/loki:3.1.0\n',
  });
  const stack = loadStack({ files: ['/p/compose.yaml'] }, {}, source);
  assert.deepEqual(stack.files.map((f) => f.path), ['/p/compose.yaml', '/p/infra/compose.yaml', '/p/obs/a.yaml']);
  assert.deepEqual([...stack.services.keys()].sort(), ['app', 'db', 'loki']);
});
