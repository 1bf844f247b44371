import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardJson, LOKI, PROMETHEUS, testWorkspace } from '../../observability/testWorkspace';

const CODE = 'query/syntax';

test('a query that does not parse, in the language of its data source, pointed at in the file', () => {
  const ws = testWorkspace({
    'dash.json': dashboardJson([
      { title: 'CPU', datasource: PROMETHEUS, targets: [{ refId: 'A', expr: 'sum(rate(cpu_seconds_total{mode!="idle"}[5m])' }] },
      { title: 'Logs', datasource: LOKI, targets: [{ refId: 'B', expr: '{app="api"} |= "timeout" | json |' }] },
      { title: 'Esc', datasource: PROMETHEUS, targets: [{ refId: 'C', expr: 'up{path=~"\\d+"}' }] },
    ]),
  });
  const findings = ws.check('dash.json').filter((f) => f.code === CODE);
  assert.deepEqual(findings.map((f) => f.message), [
    'panel "CPU", query A: PromQL syntax error: expected `)`',
    'panel "Logs", query B: LogQL syntax error: unexpected end of expression',
    "panel \"Esc\", query C: PromQL syntax error: unknown escape sequence U+0064 'd'",
  ]);
  // `\d` in PromQL is `\\d` in the JSON file: the span covers the raw characters.
  assert.equal(ws.text(findings[2]), '\\\\d');
});

test('no findings on template variables and Grafana macros', () => {
  const exprs = [
    'sum(rate(http_requests_total{job=~"$job", instance=~"${instance:regex}"}[$__rate_interval])) by ($groupby)',
    'topk($topk, sum by (pod) (rate(container_cpu_usage_seconds_total[$__interval])))',
    'avg_over_time(up[$__range]) offset $offset',
    'rate(node_network_receive_bytes_total{device=~"[[device]]"}[5m])',
    'histogram_quantile(0.99, sum(rate(http_request_duration_seconds_bucket{job="$job"}[$__rate_interval])) by (le))',
  ];
  const logs = ['{job="$job"} |= "$search" | json | line_format "{{.msg}}"', 'sum by (level) (count_over_time({app="$app"} | logfmt [$__auto]))', '{container=~"$container"} |~ "(?i)${filter}"'];
  const ws = testWorkspace({
    'dash.json': dashboardJson([
      { title: 'P', datasource: PROMETHEUS, targets: exprs.map((expr) => ({ expr })) },
      { title: 'L', datasource: LOKI, targets: logs.map((expr) => ({ expr })) },
    ]),
  });
  assert.deepEqual(ws.check('dash.json'), []);
});

test('unknown data source: a query is not reported when it might be the other language', () => {
  const ws = testWorkspace({ 'dash.json': dashboardJson([{ title: 'X', targets: [{ expr: 'sum(rate(x[5m]) by (a)' }, { expr: '{a="b"} | json | unknown stage' }] }]) });
  assert.deepEqual(ws.check('dash.json'), []);
});
