// Generates a Grafana dashboard of about `bytes` bytes: rows of Prometheus and Loki panels with
// template variables, Grafana macros and nested collapsed rows, as exported dashboards look.
// Deterministic. One deliberate mistake (a glob in an `=` matcher); variant "b" adds a second one in
// the last panel, so every edit changes the diagnostics.
//
// Big dashboards repeat a few row types, one per kind of service, for many services: within a row
// type, queries differ only in label values. Eight row types here, 24 query shapes in all
// (`uniqueShapes` makes every query's shape different, for the worst case).

const PROM = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };
const LOKI = { type: 'loki', uid: '${DS_LOKI}' };

const q = String.raw;
const ROW_KINDS = [
  {
    prom: [(s) => q`sum by (route) (rate(http_requests_total{job=~"$job", service="${s}", status!~"5.."}[$__rate_interval]))`, (s) => q`histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="${s}", instance=~"$instance"}[$__rate_interval])))`],
    loki: (s) => q`{service="${s}", container=~"$container"} |= "$search" | logfmt | level=~"error|warn"`,
  },
  {
    prom: [(s) => q`sum(rate(pg_stat_database_xact_commit{datname="${s}", instance=~"$instance"}[5m]))`, (s) => q`max by (instance) (pg_stat_activity_count{datname="${s}", state="active"})`],
    loki: (s) => q`{service="${s}"} |~ "(?i)deadlock|timeout" | json | duration > 1s`,
  },
  {
    prom: [(s) => q`sum by (queue) (rabbitmq_queue_messages_ready{queue=~"${s}.*"})`, (s) => q`rate(rabbitmq_queue_messages_published_total{queue="${s}"}[$__rate_interval])`],
    loki: (s) => q`sum by (level) (count_over_time({service="${s}"} | logfmt [$__auto]))`,
  },
  {
    prom: [(s) => q`redis_connected_clients{service="${s}"}`, (s) => q`rate(redis_keyspace_hits_total{service="${s}"}[5m]) / (rate(redis_keyspace_hits_total{service="${s}"}[5m]) + rate(redis_keyspace_misses_total{service="${s}"}[5m]))`],
    loki: (s) => q`{service="${s}"} != "DEBUG" | pattern "<_> <level> <msg>"`,
  },
  {
    prom: [(s) => q`1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle", instance=~"${s}:.*"}[$__rate_interval]))`, (s) => q`node_memory_MemAvailable_bytes{instance=~"${s}:.*"} / node_memory_MemTotal_bytes{instance=~"${s}:.*"}`],
    loki: (s) => q`{host="${s}"} |= "kernel" | regexp "(?P<subsystem>\\w+):"`,
  },
  {
    prom: [(s) => q`sum by (name) (rate(container_cpu_usage_seconds_total{name=~"${s}-.*"}[$__rate_interval]))`, (s) => q`topk(5, container_memory_working_set_bytes{name=~"${s}-.*"})`],
    loki: (s) => q`{container=~"${s}-.*"} | json | status >= 500`,
  },
  {
    prom: [(s) => q`sum by (area) (jvm_memory_used_bytes{application="${s}"})`, (s) => q`increase(jvm_gc_pause_seconds_count{application="${s}"}[1h])`],
    loki: (s) => q`rate({application="${s}"} |= "OutOfMemoryError" [5m])`,
  },
  {
    prom: [(s) => q`sum by (status) (rate(nginx_ingress_controller_requests{ingress="${s}"}[$__rate_interval]))`, (s) => q`histogram_quantile(0.95, sum by (le) (rate(nginx_ingress_controller_request_duration_seconds_bucket{ingress="${s}"}[5m])))`],
    loki: (s) => q`{app="ingress-nginx"} |= "${s}" | json | line_format "{{.status}} {{.path}}"`,
  },
];

/** A label name of its own per panel: no two queries share a shape. */
function unique(expr, id) {
  return expr.replace(/\{(\w+)/, `{$1_${id}`);
}

function promPanel(id, service, kind, uniqueShapes) {
  return {
    id, type: 'timeseries', title: `${service} request rate`, datasource: PROM,
    gridPos: { h: 8, w: 12, x: (id % 2) * 12, y: id * 8 },
    description: `Requests per second served by ${service}, by route, and the 99th percentile latency. Excludes 5xx responses.`,
    // Exported dashboards carry far more display configuration than queries: ~1.5 KB a query here,
    // about what Grafana's own mixin dashboards average.
    fieldConfig: {
      defaults: {
        unit: 'reqps', decimals: 2, min: 0, color: { mode: 'palette-classic' },
        custom: { drawStyle: 'line', lineInterpolation: 'smooth', lineWidth: 1, fillOpacity: 10, gradientMode: 'opacity', spanNulls: false, showPoints: 'never', pointSize: 5, stacking: { mode: 'none', group: 'A' }, axisPlacement: 'auto', axisLabel: '', scaleDistribution: { type: 'linear' }, hideFrom: { legend: false, tooltip: false, viz: false }, thresholdsStyle: { mode: 'off' } },
        thresholds: { mode: 'absolute', steps: [{ color: 'green', value: null }, { color: 'orange', value: 80 }, { color: 'red', value: 95 }] },
        mappings: [{ type: 'value', options: { NaN: { text: 'no data', index: 0 } } }],
        links: [{ title: 'Logs', url: `/explore?left={"queries":[{"expr":"{service=\\"${service}\\"}"}]}` }],
      },
      overrides: [{ matcher: { id: 'byName', options: 'p99' }, properties: [{ id: 'unit', value: 's' }, { id: 'custom.lineStyle', value: { fill: 'dash', dash: [10, 10] } }, { id: 'color', value: { mode: 'fixed', fixedColor: 'purple' } }] }],
    },
    options: { legend: { displayMode: 'table', placement: 'bottom', calcs: ['mean', 'max', 'lastNotNull'], showLegend: true }, tooltip: { mode: 'multi', sort: 'desc' } },
    pluginVersion: '11.3.0',
    targets: [
      { refId: 'A', expr: shaped(kind.prom[0](service), id, uniqueShapes), legendFormat: '{{route}}' },
      { refId: 'B', expr: shaped(kind.prom[1](service), id, uniqueShapes), legendFormat: 'p99' },
    ],
  };
}

function lokiPanel(id, service, kind, uniqueShapes) {
  return {
    id, type: 'logs', title: `${service} errors`, datasource: LOKI,
    gridPos: { h: 8, w: 24, x: 0, y: id * 8 },
    options: { showTime: true, wrapLogMessage: true, sortOrder: 'Descending' },
    targets: [{ refId: 'A', expr: shaped(kind.loki(service), id, uniqueShapes) }],
  };
}

function shaped(expr, id, uniqueShapes) {
  return uniqueShapes ? unique(expr, id) : expr;
}

function dashboard(bytes, variant, uniqueShapes) {
  const panels = [];
  let id = 1;
  // Pretty-printed (as Grafana exports) is about twice the compact size measured here.
  for (let row = 0; JSON.stringify(panels).length < bytes / 2; row++) {
    const services = Array.from({ length: 6 }, (_, i) => `svc-${row}-${i}`);
    const kind = ROW_KINDS[row % ROW_KINDS.length];
    const inner = services.flatMap((s) => [promPanel(id++, s, kind, uniqueShapes), lokiPanel(id++, s, kind, uniqueShapes)]);
    // Every third row is collapsed: its panels live inside the row, as Grafana exports them.
    if (row % 3 === 2) panels.push({ id: id++, type: 'row', title: `Row ${row}`, collapsed: true, panels: inner });
    else panels.push({ id: id++, type: 'row', title: `Row ${row}`, collapsed: false, panels: [] }, ...inner);
  }
  panels[1].targets[0].expr = 'container_memory_usage_bytes{name="dark_tower_ac*"}';
  if (variant === 'b') panels[panels.length - 1].targets = [{ refId: 'A', expr: '{container="app*"} |= "timeout"' }];
  return {
    __inputs: [{ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' }, { name: 'DS_LOKI', type: 'datasource', pluginId: 'loki' }],
    title: 'Generated services', uid: 'bench', schemaVersion: 39, time: { from: 'now-6h', to: 'now' },
    templating: {
      list: [
        { name: 'job', type: 'query', datasource: PROM, query: { query: 'label_values(up, job)', refId: 'A' }, multi: true, includeAll: true },
        { name: 'instance', type: 'query', datasource: PROM, query: 'label_values(up{job=~"$job"}, instance)', multi: true },
        { name: 'container', type: 'query', datasource: LOKI, query: 'label_values(container)' },
        { name: 'search', type: 'textbox', query: '' },
      ],
    },
    panels,
  };
}

export function generateDashboard(bytes = 2_000_000, { uniqueShapes = false } = {}) {
  const variantA = JSON.stringify(dashboard(bytes, 'a', uniqueShapes), null, 2);
  const variantB = JSON.stringify(dashboard(bytes, 'b', uniqueShapes), null, 2);
  return { variantA, variantB };
}
