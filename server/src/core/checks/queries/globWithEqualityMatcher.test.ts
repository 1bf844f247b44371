import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardJson, LOKI, PROMETHEUS, testWorkspace } from '../../observability/testWorkspace';

const CODE = 'query/glob-with-equality-matcher';

test('a glob in an `=` matcher is reported on the operator and value, with a regex fix at the raw JSON offsets', () => {
  const expr = 'sum(rate(http_requests_total{job="dark_tower_ac*", path!="/api/*"}[5m]))';
  const ws = testWorkspace({ 'dash.json': dashboardJson([{ title: 'Req', datasource: PROMETHEUS, targets: [{ refId: 'A', expr }] }]) });
  const findings = ws.check('dash.json').filter((f) => f.code === CODE);
  assert.equal(findings.length, 2);
  assert.deepEqual(findings.map((f) => ws.text(f)), ['=\\"dark_tower_ac*\\"', '!=\\"/api/*\\"']);
  assert.match(findings[0].message, /panel "Req", query A: `job="dark_tower_ac\*"` compares the whole value.*write `job=~"dark_tower_ac\.\*"`/);
  const fixed = ws.apply(findings[0].fixes![0])['dash.json'];
  assert.equal(JSON.parse(fixed).panels[0].targets[0].expr, 'sum(rate(http_requests_total{job=~"dark_tower_ac.*", path!="/api/*"}[5m]))');
  const fixed2 = ws.apply(findings[1].fixes![0])['dash.json'];
  assert.equal(JSON.parse(fixed2).panels[0].targets[0].expr, 'sum(rate(http_requests_total{job="dark_tower_ac*", path!~"/api/.*"}[5m]))');
});

test('the fix writes JSON escapes: a regex needing a backslash in a query inside a JSON string', () => {
  // `a.b*` becomes the regex `a\.b.*`: `"a\\.b.*"` in PromQL, `\"a\\\\.b.*\"` in the JSON file.
  const ws = testWorkspace({ 'dash.json': dashboardJson([{ title: 'Logs', datasource: LOKI, targets: [{ refId: 'A', expr: '{app="a.b*"} |= "x\\"y"' }] }]) });
  const [finding] = ws.check('dash.json').filter((f) => f.code === CODE);
  assert.equal(ws.text(finding), '=\\"a.b*\\"');
  const files = ws.apply(finding.fixes![0]);
  const expr = JSON.parse(files['dash.json']).panels[0].targets[0].expr;
  assert.equal(expr, '{app=~"a\\\\.b.*"} |= "x\\"y"');
  assert.deepEqual(testWorkspace(files).check('dash.json'), []);
});

test('silent for template variables, regex matchers, stars outside matchers', () => {
  const ws = testWorkspace({
    'dash.json': dashboardJson([
      { title: 'A', datasource: PROMETHEUS, targets: [{ expr: 'up{job="$job*"} * 2' }, { expr: 'up{job=~"api.*"}' }, { expr: 'rate(x{a="b"}[5m]) * 100' }] },
    ]),
  });
  assert.deepEqual(ws.check('dash.json').filter((f) => f.code === CODE), []);
});
