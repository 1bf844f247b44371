// Generates a Grafana dashboard of about `bytes` bytes: rows of Prometheus and Loki panels with
// template variables, Grafana macros and nested collapsed rows, as exported dashboards look.
// Deterministic. One deliberate mistake (a glob in an `=` matcher); variant "b" adds a second one in
// the last panel, so every edit changes the diagnostics.

const PROM = { type: 'prometheus', uid: '${DS_PROMETHEUS}' };
const LOKI = { type: 'loki', uid: '${DS_LOKI}' };

function promPanel(id, service) {
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
      { refId: 'A', expr: `sum by (route) (rate(http_requests_total{job=~"$job", service="${service}", status!~"5.."}[$__rate_interval]))`, legendFormat: '{{route}}' },
      { refId: 'B', expr: `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="${service}", instance=~"$instance"}[$__rate_interval])))`, legendFormat: 'p99' },
    ],
  };
}

function lokiPanel(id, service) {
  return {
    id, type: 'logs', title: `${service} errors`, datasource: LOKI,
    gridPos: { h: 8, w: 24, x: 0, y: id * 8 },
    options: { showTime: true, wrapLogMessage: true, sortOrder: 'Descending' },
    targets: [{ refId: 'A', expr: `{service="${service}", container=~"$container"} |= "$search" | logfmt | level=~"error|warn"` }],
  };
}

function dashboard(bytes, variant) {
  const panels = [];
  let id = 1;
  // Pretty-printed (as Grafana exports) is about twice the compact size measured here.
  for (let row = 0; JSON.stringify(panels).length < bytes / 2; row++) {
    const services = Array.from({ length: 6 }, (_, i) => `svc-${row}-${i}`);
    const inner = services.flatMap((s) => [promPanel(id++, s), lokiPanel(id++, s)]);
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

export function generateDashboard(bytes = 2_000_000) {
  const variantA = JSON.stringify(dashboard(bytes, 'a'), null, 2);
  const variantB = JSON.stringify(dashboard(bytes, 'b'), null, 2);
  return { variantA, variantB };
}
