import { test } from 'node:test';
import assert from 'node:assert/strict';
import { innerQuery } from './variableQuery';

const inner = (q: string) => {
  const found = innerQuery(q);
  return found && [q.slice(found.span.start, found.span.end), found.selectorOnly];
};

test("Grafana's variable functions: only the wrapped query is PromQL/LogQL", () => {
  assert.deepEqual(inner('label_values(up{job=~"$job", a=","}, instance)'), ['up{job=~"$job", a=","}', true]);
  assert.deepEqual(inner('label_values(instance)'), undefined);
  assert.deepEqual(inner('query_result(topk(5, sum by (pod) (rate(x[5m]))))'), ['topk(5, sum by (pod) (rate(x[5m])))', false]);
  assert.deepEqual(inner('metrics(node_.*)'), undefined);
  assert.deepEqual(inner('label_names()'), undefined);
  assert.deepEqual(inner('label_values({app="api"}, pod)'), ['{app="api"}', true]);
  assert.deepEqual(inner('  up{job="a"} '), ['up{job="a"}', true]);
});
