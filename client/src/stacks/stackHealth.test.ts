import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StackInfo } from '../../../server/src/protocol/stacks';
import type { ContainerInspectData } from './containerState';
import { stackHealth, type StackInput } from './stackHealth';

const stack: StackInput = {
  name: 'obs',
  projectName: 'obs',
  projectDirectory: '/work/obs',
  files: ['/work/obs/docker-compose.yml', '/work/obs/docker-compose.override.yml'],
  services: [
    { name: 'init-perms', runOnce: true, healthcheck: false },
    { name: 'migrate', runOnce: true, healthcheck: false },
    { name: 'loki', runOnce: false, healthcheck: true },
    { name: 'grafana', runOnce: false, healthcheck: true },
    { name: 'alloy', runOnce: false, healthcheck: false },
  ],
};

let nextId = 0;
function container(service: string, state: ContainerInspectData['State'], extra: Record<string, string> = {}, name?: string): ContainerInspectData {
  const labels = {
    'com.docker.compose.project': 'obs',
    'com.docker.compose.service': service,
    'com.docker.compose.oneoff': 'False',
    'com.docker.compose.project.working_dir': '/work/obs',
    'com.docker.compose.project.config_files': '/work/obs/docker-compose.yml,/work/obs/docker-compose.override.yml',
    'com.docker.compose.container-number': '1',
    ...extra,
  };
  return { Id: `id${++nextId}`, Name: `/${name ?? `obs-${service}-1`}`, Config: { Labels: labels }, State: state };
}
const running = { Status: 'running' };
const healthy = { Status: 'running', Health: { Status: 'healthy', Log: [] } };
const exited = (code: number) => ({ Status: 'exited', ExitCode: code });
const states = (h: ReturnType<typeof stackHealth>) => Object.fromEntries(h.services.map((s) => [s.name, s.state.label]));

test('each service gets its own containers and state; the summary counts long-running and run-once apart', () => {
  const h = stackHealth(stack, [
    container('init-perms', exited(0)),
    container('migrate', exited(0)),
    container('loki', healthy),
    container('grafana', healthy),
    container('alloy', running),
  ]);
  assert.deepEqual(states(h), { 'init-perms': 'completed', migrate: 'completed', loki: 'healthy', grafana: 'healthy', alloy: 'running' });
  assert.deepEqual([h.summary.text, h.summary.severity], ['3/3 healthy, 2 init completed', 'ok']);
  assert.equal(h.services[2].containers[0].name, 'obs-loki-1');
});

test('failures are called out and make the stack an error', () => {
  const h = stackHealth(stack, [
    container('init-perms', exited(0)),
    container('migrate', exited(3)),
    container('loki', { Status: 'running', Health: { Status: 'unhealthy', Log: [{ Output: 'connection refused' }] } }),
    container('grafana', healthy),
  ]);
  assert.deepEqual(states(h), { 'init-perms': 'completed', migrate: 'failed (exit 3)', loki: 'unhealthy', grafana: 'healthy', alloy: 'not created' });
  assert.deepEqual([h.summary.text, h.summary.severity], ['1/3 healthy, 1/2 init completed, 1 failed, 1 unhealthy', 'error']);
  assert.equal(h.services[2].state.healthOutput, 'connection refused');
});

test('starting and init still running are progress; nothing created is not running', () => {
  const h = stackHealth(stack, [
    container('init-perms', exited(0)),
    container('migrate', running),
    container('loki', { Status: 'running', Health: { Status: 'starting', Log: [] } }),
    container('grafana', healthy),
    container('alloy', running),
  ]);
  assert.deepEqual([h.summary.text, h.summary.severity], ['2/3 healthy, 1/2 init completed', 'progress']);
  // A service left out (`up loki` only) is not progress.
  const partial = stackHealth(stack, [container('loki', healthy)]);
  assert.equal(partial.summary.severity, 'warning');
  const none = stackHealth(stack, []);
  assert.deepEqual([none.summary.text, none.summary.severity], ['not running', 'idle']);
});

test('matched by labels, never by names: v1 and v2 names alike; other projects ignored', () => {
  const h = stackHealth(stack, [
    container('loki', healthy, {}, 'obs_loki_1'),
    container('grafana', healthy, {}, 'something-else'),
    container('alloy', running, { 'com.docker.compose.project': 'other' }, 'obs-alloy-1'),
  ]);
  assert.deepEqual(states(h), { 'init-perms': 'not created', migrate: 'not created', loki: 'healthy', grafana: 'healthy', alloy: 'not created' });
});

test('a one-off `compose run` container is not the service container', () => {
  const h = stackHealth(stack, [container('alloy', exited(2), { 'com.docker.compose.oneoff': 'True' }, 'obs_alloy_run_1a2b')]);
  assert.equal(states(h).alloy, 'not created');
  assert.deepEqual(h.orphans, []);
});

test('a project name shared by two stacks in different directories: told apart by working_dir and config_files', () => {
  const elsewhere = { 'com.docker.compose.project.working_dir': '/work/other', 'com.docker.compose.project.config_files': '/work/other/docker-compose.yml' };
  const h = stackHealth(stack, [container('loki', healthy), container('grafana', exited(1), elsewhere)]);
  assert.deepEqual([states(h).loki, states(h).grafana], ['healthy', 'not created']);
  // Run from another directory with this stack's files (`-f /work/obs/...`): still this stack.
  const fromElsewhere = { 'com.docker.compose.project.working_dir': '/home/me', 'com.docker.compose.project.config_files': '/work/obs/docker-compose.yml' };
  assert.equal(states(stackHealth(stack, [container('grafana', healthy, fromElsewhere)])).grafana, 'healthy');
  // Compose v1 records the files as given on its command line, relative to its working directory.
  const v1Relative = { 'com.docker.compose.project.working_dir': '/work', 'com.docker.compose.project.config_files': 'obs/docker-compose.yml' };
  assert.equal(states(stackHealth(stack, [container('grafana', healthy, v1Relative)])).grafana, 'healthy');
  // Windows paths as a Windows engine records them.
  const win = { ...stack, projectDirectory: 'c:/work/obs' };
  const winLabels = { 'com.docker.compose.project.working_dir': 'C:\\work\\obs\\', 'com.docker.compose.project.config_files': 'C:\\work\\obs\\docker-compose.yml' };
  assert.equal(states(stackHealth(win, [container('loki', healthy, winLabels)])).loki, 'healthy');
  // Containers created by hand with only the project label stay with the project.
  const bare = { Id: 'bare', Config: { Labels: { 'com.docker.compose.project': 'obs', 'com.docker.compose.service': 'alloy' } }, State: running };
  assert.equal(states(stackHealth(stack, [bare])).alloy, 'running');
});

test('replicas: every container listed in order, the service shows the worst; orphans kept apart', () => {
  const h = stackHealth(stack, [
    container('alloy', running, { 'com.docker.compose.container-number': '2' }, 'obs-alloy-2'),
    container('alloy', exited(1), { 'com.docker.compose.container-number': '3' }, 'obs-alloy-3'),
    container('alloy', running, {}, 'obs-alloy-1'),
    container('tempo', running),
  ]);
  const alloy = h.services.find((s) => s.name === 'alloy')!;
  assert.deepEqual(alloy.containers.map((c) => c.name), ['obs-alloy-1', 'obs-alloy-2', 'obs-alloy-3']);
  assert.equal(alloy.state.label, 'failed (exit 1)');
  assert.deepEqual(h.orphans.map((o) => o.name), ['obs-tempo-1']);
});

test('a stack without run-once services has no init part; restarting is called out', () => {
  const only = { ...stack, services: stack.services.filter((s) => !s.runOnce) };
  const h = stackHealth(only, [container('loki', healthy), container('grafana', { Status: 'restarting', ExitCode: 1 }), container('alloy', exited(0))]);
  assert.deepEqual([h.summary.text, h.summary.severity], ['1/3 healthy, 1 restarting', 'error']);
  assert.equal(states(h).alloy, 'exited');
});

test("the language server's StackInfo feeds the model as it is", () => {
  const info: StackInfo = {
    ...stack,
    envFiles: [],
    services: stack.services.map((s) => ({ ...s, definition: { file: stack.files[0], line: 0, character: 0 }, logSelector: '{}' })),
  };
  assert.equal(stackHealth(info, [container('loki', healthy)]).summary.text, '1/3 healthy, 0/2 init completed');
});
