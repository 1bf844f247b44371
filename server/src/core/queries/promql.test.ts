import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parsePromQL } from './promql';

const brief = (expr: string) => parsePromQL(expr).matchers.map((m) => `${m.label}${m.op}${m.value}${m.containsVariable ? ' (var)' : ''}`);

// Queries as they appear in Grafana dashboards (node-exporter, kubernetes and Loki mixins).
test('matchers from real dashboard queries, template variables included', () => {
  assert.deepEqual(brief('sort_desc(sum(rate(node_cpu_seconds_total{mode!="idle", app_group=~"$app_group", instance=~"$instance"}[5m])) by (instance))'), [
    'mode!=idle',
    'app_group=~$app_group (var)',
    'instance=~$instance (var)',
  ]);
  assert.deepEqual(brief('sum(container_memory_working_set_bytes{job="cadvisor", cluster="$cluster", namespace="$namespace", container!="", image!=""}) by (pod)'), [
    'job=cadvisor',
    'cluster=$cluster (var)',
    'namespace=$namespace (var)',
    'container!=',
    'image!=',
  ]);
  assert.deepEqual(brief('histogram_quantile(0.99, sum by (le) (rate(apiserver_request_duration_seconds_bucket{job="apiserver", verb!="WATCH"}[$__rate_interval])))'), ['job=apiserver', 'verb!=WATCH']);
  assert.deepEqual(brief('sum by (status) (rate(loki_request_duration_seconds_count{cluster=~"$cluster", job=~"($namespace)/distributor", route=~"api_prom_push|loki_api_v1_push"}[$__rate_interval]))'), [
    'cluster=~$cluster (var)',
    'job=~($namespace)/distributor (var)',
    'route=~api_prom_push|loki_api_v1_push',
  ]);
  assert.deepEqual(brief('up{"service.name"="api", job=~`\\d+`}'), ['service.name=api', 'job=~\\d+']);
  for (const expr of ['sum by (job) (rate(x{a=~"$a"}[$__rate_interval])) / $__range_s > ${thr}', 'topk($k, $metric{job="$job"}) offset $off', 'x @ ${__to:date:seconds}']) {
    assert.deepEqual(parsePromQL(expr).errors, [], expr);
  }
});

test('matcher spans are in the original expression and values map back character by character', () => {
  const expr = 'rate(x{job=~"$job", path=~"/api/\\\\d+"}[$__interval])';
  const [job, path] = parsePromQL(expr).matchers;
  assert.equal(expr.slice(job.labelSpan.start, job.labelSpan.end), 'job');
  assert.equal(expr.slice(job.opSpan.start, job.opSpan.end), '=~');
  assert.equal(expr.slice(job.valueSpan.start, job.valueSpan.end), '"$job"');
  assert.equal(job.context, 'promql-selector');
  assert.equal(job.anchoring, 'anchored');
  assert.equal(path.value, '/api/\\d+');
  const plus = path.value.indexOf('+');
  assert.equal(expr[path.valueToOriginal(plus)], '+');
  assert.equal(expr.slice(path.valueToOriginal(5), path.valueToOriginal(7)), '\\\\d');
});

test('syntax errors: a span and a plain message', () => {
  const cases: Array<[string, string, string]> = [
    ['foo{a~"b"}', '~', 'unexpected character `~`'],
    ['rate(x[5m', '', 'expected `]`'],
    ['foo{a=~"x"', '', 'expected `}`'],
    ['sum(rate(x[5m])', '', 'expected `)`'],
    ['foo +', '', 'unexpected end of expression'],
    ['foo ) bar', ')', 'unexpected character `)`'],
    ['{a="b}', '"b}', 'unterminated quoted string'],
    ['x{a=~"\\d+"}', '\\d', "unknown escape sequence U+0064 'd'"],
  ];
  for (const [expr, at, message] of cases) {
    const [error] = parsePromQL(expr).errors;
    assert.ok(error, expr);
    assert.equal(expr.slice(error.span.start, error.span.end), at, expr);
    assert.equal(error.message, message, expr);
  }
});

test('parsePromQL never throws and keeps every span inside the expression', () => {
  const piece = fc.constantFrom('x', '{', '}', 'a="b"', 'a=~"$v"', ',', '(', ')', '[5m]', '[$__interval]', 'sum by (j)', ' + ', '"', '\\', '${x:regex}', 'offset ');
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 15 }).map((p) => p.join(''))), (expr) => {
      const parsed = parsePromQL(expr);
      const spans = [...parsed.errors.map((e) => e.span), ...parsed.matchers.flatMap((m) => [m.labelSpan, m.opSpan, m.valueSpan])];
      for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= expr.length);
      for (const m of parsed.matchers) assert.ok(m.valueToOriginal(0) >= m.valueSpan.start && m.valueToOriginal(m.value.length) <= m.valueSpan.end);
    }),
    { numRuns: 500 },
  );
});
