import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardJson, LOKI, PROMETHEUS, testWorkspace } from '../../observability/testWorkspace';

const CODE = 'query/unknown-log-label';

const PROMTAIL = `server:
  http_listen_port: 9080
positions:
  filename: /tmp/positions.yaml
clients:
  - url: http://loki:3100/loki/api/v1/push
scrape_configs:
  - job_name: containers
    docker_sd_configs:
      - host: unix:///var/run/docker.sock
    relabel_configs:
      - source_labels: [__meta_docker_container_name]
        regex: /(.*)
        target_label: container
    pipeline_stages:
      - logfmt:
          mapping:
            level:
      - labels:
          level:
  - job_name: system
    static_configs:
      - targets: [localhost]
        labels:
          job: varlogs
          __path__: /var/log/*.log
`;

const ALLOY = `discovery.relabel "logs" {
  targets = discovery.docker.local.targets
  rule {
    source_labels = ["__meta_docker_container_label_com_docker_compose_service"]
    target_label  = "service"
  }
}

loki.process "app" {
  forward_to = [loki.write.local.receiver]
  stage.labels {
    values = { env = "", tenant = "" }
  }
}
`;

function dashboard(expr: string): string {
  return dashboardJson([{ title: 'Logs', datasource: LOKI, targets: [{ refId: 'A', expr }] }]);
}

test('a stream selector label no pipeline sets, with the labels that are set and a did-you-mean fix', () => {
  const ws = testWorkspace({
    'docker-compose.yml': 'services:\n  loki:\n    image: grafana/loki:3.1.0\n',
    'promtail/config.yml': PROMTAIL,
    'alloy/config.alloy': ALLOY,
    'grafana/dashboards/logs.json': dashboard('{containr="api", job="varlogs", service="web", env="prod"} |= "error"'),
  });
  const findings = ws.check('grafana/dashboards/logs.json').filter((f) => f.code === CODE);
  assert.equal(findings.length, 1);
  assert.equal(ws.text(findings[0]), 'containr');
  assert.equal(findings[0].severity, 'information');
  assert.match(findings[0].message, /sets the label `containr`.*did you mean `container`\? Labels set: `container`, `env`, `filename`, `job`, `level`, `service`, `tenant`\./);
  const fixed = ws.apply(findings[0].fixes![0]);
  assert.equal(JSON.parse(fixed['grafana/dashboards/logs.json']).panels[0].targets[0].expr, '{container="api", job="varlogs", service="web", env="prod"} |= "error"');
});

test('silent without pipelines, with a labelmap pipeline, for Prometheus panels and label filters', () => {
  const noPipeline = testWorkspace({ 'docker-compose.yml': 'services: {}\n', 'd.json': dashboard('{nope="x"}') });
  assert.deepEqual(noPipeline.check('d.json'), []);
  const labelmap = PROMTAIL.replace('target_label: container', 'action: labelmap');
  const open = testWorkspace({ 'docker-compose.yml': 'services: {}\n', 'p.yml': labelmap, 'd.json': dashboard('{nope="x"}') });
  assert.deepEqual(open.check('d.json'), []);
  const ws = testWorkspace({
    'docker-compose.yml': 'services: {}\n',
    'p.yml': PROMTAIL,
    'd.json': dashboardJson([
      { title: 'M', datasource: PROMETHEUS, targets: [{ expr: 'up{nope="x"}' }] },
      { title: 'L', datasource: LOKI, targets: [{ expr: '{job="varlogs", service_name="x"} | json | nope="x"' }] },
    ]),
  });
  assert.deepEqual(ws.check('d.json'), []);
});
