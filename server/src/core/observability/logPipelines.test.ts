import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { alloyLabels, LogPipelineIndex } from './logPipelines';
import { ROOT, treeFileSource } from './testWorkspace';

test('Alloy: relabel rules, stage.labels, stage.static_labels, file targets, loki.write external labels', () => {
  const text = `local.file_match "logs" {
  path_targets = [{"__path__" = "/var/log/*.log", "job" = "varlogs"}]
}
loki.source.file "logs" {
  targets    = local.file_match.logs.targets
  forward_to = [loki.process.app.receiver]
}
loki.process "app" {
  forward_to = [loki.write.local.receiver]
  stage.labels {
    values = { level = "lvl" }
  }
  stage.static_labels {
    values = { team = "core" }
  }
}
discovery.relabel "c" {
  targets = []
  rule {
    source_labels = ["__meta_docker_container_name"]
    target_label  = "container"
  }
  rule {
    target_label = "__tmp"
  }
  rule {
    action = "labeldrop"
    regex  = "x"
  }
}
loki.write "local" {
  external_labels = { cluster = "dev" }
  endpoint { url = "http://loki:3100/loki/api/v1/push" }
}
`;
  assert.deepEqual([...alloyLabels(text)!.labels].sort(), ['cluster', 'container', 'filename', 'job', 'level', 'team']);
  assert.equal(alloyLabels(text)!.open, false);
  assert.equal(alloyLabels('rule {\n  action = "labelmap"\n  regex = "x"\n}\nloki.echo "e" {}\n')!.open, true);
  assert.equal(alloyLabels('prometheus.scrape "x" {\n  targets = []\n  forward_to = []\n}\n'), undefined, 'no loki component: no log pipeline');
});

test('the workspace is the nearest directory with a compose file; pipelines are found below it', () => {
  const files = {
    'stack/docker-compose.yml': 'services: {}\n',
    'stack/promtail/promtail.yml': 'clients:\n  - url: http://loki:3100\nscrape_configs:\n  - job_name: a\n    static_configs:\n      - labels:\n          job: a\n',
    'stack/grafana/provisioning/dashboards/d.json': '{"panels": []}',
    'other/promtail.yml': 'clients: []\nscrape_configs:\n  - job_name: b\n    static_configs:\n      - labels:\n          job: other\n',
    'stack/node_modules/x/promtail.yml': 'clients: []\nscrape_configs:\n  - job_name: c\n    static_configs:\n      - labels:\n          job: hidden\n',
  };
  const index = new LogPipelineIndex(treeFileSource(files));
  const dashboard = path.join(ROOT, 'stack/grafana/provisioning/dashboards/d.json');
  assert.equal(index.workspaceRoot(path.dirname(dashboard)), path.join(ROOT, 'stack'));
  const labels = index.labelsFor(dashboard)!;
  assert.deepEqual([...labels.labels], ['job']);
  assert.deepEqual(labels.pipelines, [path.join(ROOT, 'stack/promtail/promtail.yml')]);
  assert.equal(new LogPipelineIndex(treeFileSource({ 'a/d.json': '{}' })).labelsFor(path.join(ROOT, 'a/d.json')), undefined);
});

test('a compose file shipping logs with the Loki driver makes the label set open', () => {
  const files = { 'docker-compose.yml': 'services:\n  app:\n    image: app:1\n    logging:\n      driver: loki\n', 'd.json': '{}' };
  assert.equal(new LogPipelineIndex(treeFileSource(files)).labelsFor(path.join(ROOT, 'd.json'))?.open, true);
});
