// Four exported-looking dashboards, 25 Prometheus and 25 Loki panels each: query shapes that vary
// (metric names, template variables, Grafana macros, escaped regexes, line filters, parser stages),
// display configuration around them, a collapsed row and a query variable. Four files keep
// each warm-up step short; all are clean.
const METRICS = ['http_requests_total', 'node_cpu_seconds_total', 'container_memory_usage_bytes', 'up', 'process_resident_memory_bytes'];
const FILES = 4;
const PANELS = 25;

function panels(from: number): unknown[] {
  const out: unknown[] = [];
  for (let i = from; i < from + PANELS; i++) {
    const metric = `${METRICS[i % METRICS.length]}_${i}`;
    out.push({
      title: `p${i}`,
      datasource: { type: 'prometheus', uid: '${DS_PROMETHEUS}' },
      fieldConfig: { defaults: { unit: 'short', thresholds: { steps: [{ color: 'green', value: null }, { color: 'red', value: 80 }] } }, overrides: [] },
      targets: [
        { refId: 'A', expr: `sum by (job) (rate(${metric}{job=~"$job", instance="i-${i}", code!~"5.."}[$__rate_interval]))`, legendFormat: '{{job}}' },
        { refId: 'B', expr: `histogram_quantile(0.9${i % 10}, sum by (le) (rate(${metric}_bucket{path=~"/api/\\\\d+", x="${'y'.repeat(i % 7)}"}[5m])))` },
      ],
    });
    out.push({
      title: `l${i}`,
      datasource: { type: 'loki', uid: '${DS_LOKI}' },
      targets: [
        { refId: 'A', expr: `{service="s-${i}", container=~"$container"} |= "$search" | logfmt | level=~"error|warn${i % 3}" | line_format "{{.msg}}"` },
        { refId: 'B', expr: `sum(count_over_time({app="a${i}"} |~ "(?i)e${i}.*|timeout" | regexp "(?P<word>\\\\w+):" [$__auto]))` },
      ],
    });
  }
  return out;
}

function dashboard(index: number): string {
  const all = panels(index * PANELS);
  return JSON.stringify(
    {
      __inputs: [{ name: 'DS_PROMETHEUS', type: 'datasource', pluginId: 'prometheus' }, { name: 'DS_LOKI', type: 'datasource', pluginId: 'loki' }],
      templating: { list: [{ name: 'job', type: 'query', datasource: { type: 'prometheus' }, query: 'label_values(up, job)' }] },
      panels: [{ type: 'row', collapsed: true, panels: all.slice(0, 4) }, ...all.slice(4)],
    },
    null,
    2,
  );
}

export const dashboardSample: Record<string, string> = Object.fromEntries(Array.from({ length: FILES }, (_, i) => [`/warm-up/dashboards/d${i}.json`, dashboard(i)]));
