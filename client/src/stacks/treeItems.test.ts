import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StackInfo } from '../../../server/src/protocol/stacks';
import type { ContainerInspectData } from './containerState';
import { stackHealth } from './stackHealth';
import { childNodes, stackNodes, treeRow, type StackTreeNode } from './treeItems';

const dir = '/work/obs';
const service = (name: string, runOnce: boolean, healthcheck: boolean) => ({
  name, runOnce, healthcheck, image: 'img:1', definition: { file: `${dir}/docker-compose.yml`, line: 1, character: 2 }, logSelector: `{service="${name}"}`,
});
const stack: StackInfo = {
  name: 'obs', projectName: 'obs', projectDirectory: dir, files: [`${dir}/docker-compose.yml`], envFiles: [],
  services: [service('init-ok', true, false), service('init-fail', true, false), service('loki', false, true), service('alloy', false, false), service('grafana', false, true), service('tempo', false, false)],
};
let id = 0;
function container(name: string, State: ContainerInspectData['State'], RestartCount = 0): ContainerInspectData {
  return {
    Id: `c${++id}`.padEnd(64, '0'), Name: `/obs-${name}-1`, RestartCount, State,
    Config: { Labels: { 'com.docker.compose.project': 'obs', 'com.docker.compose.service': name, 'com.docker.compose.project.working_dir': dir, 'com.docker.compose.container-number': '1' } },
  };
}
const health = stackHealth(stack, [
  container('init-ok', { Status: 'exited', ExitCode: 0 }),
  container('init-fail', { Status: 'exited', ExitCode: 3 }),
  container('loki', { Status: 'running', Health: { Status: 'healthy', Log: [{ ExitCode: 0, Output: 'ready\n' }] } }),
  container('alloy', { Status: 'running' }),
  container('grafana', { Status: 'restarting', ExitCode: 1 }, 2),
  container('orphan', { Status: 'running' }),
]);

const rows = (nodes: StackTreeNode[]) => nodes.map((n) => treeRow(n)).map((r) => [r.label, r.description, r.icon.id, r.contextValue]);

test('a stack row: summary as description, icon by severity, expanded, context value "stack"', () => {
  const [node] = stackNodes([stack], [health]);
  const row = treeRow(node);
  assert.equal(row.label, 'obs');
  assert.equal(row.description, health.summary.text);
  assert.match(row.description, /^2\/4 healthy, 1\/2 init completed, 1 failed, 1 restarting$/);
  assert.deepEqual([row.icon.id, row.contextValue, row.collapsible], ['error', 'stack', 'expanded']);
  assert.match(row.tooltip, /-f \/work\/obs\/docker-compose.yml/);
});

test('service rows: state label, the icon of the state, healthcheck output in the tooltip; orphans after them', () => {
  const [node] = stackNodes([stack], [health]);
  assert.deepEqual(rows(childNodes(node)), [
    ['init-ok', 'completed', 'check', 'service'],
    ['init-fail', 'failed (exit 3)', 'error', 'service'],
    ['loki', 'healthy', 'check', 'service'],
    ['alloy', 'running', 'circle-filled', 'service'],
    ['grafana', 'restarting (2 restarts)', 'sync~spin', 'service'],
    ['tempo', 'not created', 'circle-outline', 'service'],
    ['obs-orphan-1', 'running, orphan', 'circle-filled', 'container'],
  ]);
  const loki = childNodes(node)[2];
  assert.match(treeRow(loki).tooltip, /Last healthcheck:\nready$/);
  assert.equal(treeRow(loki).collapsible, 'collapsed');
  assert.equal(treeRow(childNodes(node)[5]).collapsible, 'none', 'nothing under a service without containers');
});

test('container rows under a service: name, state, context value "container"', () => {
  const [node] = stackNodes([stack], [health]);
  const loki = childNodes(node)[2];
  assert.deepEqual(rows(childNodes(loki)), [['obs-loki-1', 'healthy', 'check', 'container']]);
  assert.deepEqual(childNodes(childNodes(loki)[0]), []);
});

test('unhealthy and starting states get a warning and a spinning icon', () => {
  const h = stackHealth(stack, [
    container('loki', { Status: 'running', Health: { Status: 'unhealthy', Log: [{ Output: 'connection refused' }] } }),
    container('grafana', { Status: 'running', Health: { Status: 'starting' } }),
  ]);
  const services = childNodes(stackNodes([stack], [h])[0]);
  assert.deepEqual(rows([services[2], services[4]]), [['loki', 'unhealthy', 'warning', 'service'], ['grafana', 'starting', 'sync~spin', 'service']]);
  assert.match(treeRow(services[2]).tooltip, /connection refused/);
});

test('without Docker health the rows say nothing they do not know', () => {
  const [node] = stackNodes([stack], undefined);
  assert.deepEqual([treeRow(node).description, treeRow(node).icon.id], ['', 'layers']);
  assert.deepEqual(rows(childNodes(node)).slice(0, 1), [['init-ok', '', 'question', 'service']]);
});

test('health is matched to its stack by name when the lists differ', () => {
  const other: StackInfo = { ...stack, name: 'other', projectName: 'other', services: [] };
  const nodes = stackNodes([other, stack], [health]);
  assert.equal(nodes[0].health, undefined);
  assert.equal(nodes[1].health, health);
});
