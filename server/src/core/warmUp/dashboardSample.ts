// A dashboard with a PromQL and a LogQL panel, template variables and a Grafana macro.
export const dashboardSample: Record<string, string> = {
  '/warm-up/dashboards/dashboard.json': JSON.stringify({
    panels: [
      { datasource: { type: 'prometheus' }, targets: [{ expr: 'rate(up{job=~"a.*"}[$__rate_interval])' }] },
      { datasource: { type: 'loki' }, targets: [{ expr: '{app="x"} |= "e"' }] },
    ],
  }),
};
