import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileKind } from '../workspace/fileKinds';

test('dashboards, Prometheus, Promtail and Loki files are told apart by content', () => {
  assert.equal(fileKind('a.json', '{\n  "panels": []\n}'), 'dashboard');
  assert.equal(fileKind('a.json', '{"dashboard": {"templating": {"list": []}}}'), 'dashboard');
  assert.equal(fileKind('package.json', '{"name": "x"}'), undefined);
  assert.equal(fileKind('expected.json', '[{"panels": 1}]'), undefined);
  assert.equal(fileKind('config.yml', 'global:\n  scrape_interval: 15s\nscrape_configs:\n  - job_name: x\n'), 'prometheus');
  assert.equal(fileKind('rules.yml', 'groups:\n  - name: g\n    rules:\n      - alert: A\n        expr: up == 0\n'), 'prometheus');
  assert.equal(fileKind('config.yml', 'scrape_configs:\n  - job_name: x\n    pipeline_stages:\n      - docker: {}\n'), 'promtail');
  assert.equal(fileKind('config.yml', 'positions:\n  filename: /tmp/p.yaml\nscrape_configs: []\n'), 'promtail');
  assert.equal(fileKind('local-config.yaml', 'auth_enabled: false\nschema_config:\n  configs: []\n'), 'loki');
  assert.equal(fileKind('tempo.yaml', 'server:\n  http_listen_port: 3200\ncompactor:\n  compaction:\n    block_retention: 48h\nstorage:\n  trace:\n    backend: local\n'), undefined);
  assert.equal(fileKind('mimir.yaml', 'ingester:\n  ring: {}\nblocks_storage:\n  backend: s3\n'), undefined);
  assert.equal(fileKind('docker-compose.yml', 'services: {}\n'), 'compose');
  assert.equal(fileKind('values.yaml', 'loki:\n  schema_config: {}\n'), undefined);
  assert.equal(fileKind('prometheus.yml'), undefined, 'without content, no guess from the name');
});
