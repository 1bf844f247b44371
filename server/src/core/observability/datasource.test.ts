import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readDashboard } from './dashboard';

function languages(dashboard: unknown): Array<[string, string, boolean]> {
  return readDashboard('d.json', JSON.stringify(dashboard)).queries.map((q) => [q.where, q.language, q.confident]);
}

test('data sources: objects, names, ${DS_…} inputs, datasource variables, mixed panels, other plugins', () => {
  const dashboard = {
    __inputs: [{ name: 'DS_LOGS', type: 'datasource', pluginId: 'loki' }],
    templating: { list: [{ name: 'metrics', type: 'datasource', query: 'prometheus' }] },
    panels: [
      { title: 'a', datasource: '${DS_LOGS}', targets: [{ refId: 'A', expr: '{a="b"}' }] },
      { title: 'b', datasource: { uid: '$metrics' }, targets: [{ refId: 'A', expr: 'up' }] },
      { title: 'c', datasource: 'My Loki', targets: [{ refId: 'A', expr: '{a="b"} |= "x"' }, { refId: 'B', expr: 'rate({a="b"}[1m]' }] },
      { title: 'd', datasource: { type: 'datasource', uid: '-- Mixed --' }, targets: [{ refId: 'A', datasource: { type: 'prometheus', uid: 'p' }, expr: 'up' }, { refId: 'B', expr: '{a="b"} | json' }] },
      { title: 'e', datasource: { type: 'influxdb', uid: 'i' }, targets: [{ refId: 'A', expr: 'SELECT *' }] },
      { title: 'f', targets: [{ refId: 'A', expr: 'sum(up' }] },
    ],
  };
  assert.deepEqual(languages(dashboard), [
    ['panel "a", query A', 'logql', true],
    ['panel "b", query A', 'promql', true],
    ['panel "c", query A', 'logql', true],
    ['panel "c", query B', 'logql', false],
    ['panel "d", query A', 'promql', true],
    ['panel "d", query B', 'logql', true],
    ['panel "f", query A', 'promql', false],
  ]);
});

test('provisioned wrappers and collapsed rows', () => {
  const wrapped = { dashboard: { panels: [{ type: 'row', collapsed: true, panels: [{ title: 'in row', datasource: { type: 'prometheus' }, targets: [{ refId: 'A', expr: 'up' }] }] }] } };
  assert.deepEqual(languages(wrapped), [['panel "in row", query A', 'promql', true]]);
});
