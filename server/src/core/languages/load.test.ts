import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../analyzer';
import { memoryFileSource } from '../workspace/fileSource';

// Modules that only Alloy files or dashboards and Prometheus/Promtail/Loki files need; the heavy ones
// are the Alloy component registry, the lezer query grammars and RE2.
const ALLOY = /[\\/]core[\\/](?:languages[\\/]alloy|alloy[\\/]registry[\\/]|checks[\\/]alloy[\\/])/;
const QUERIES = /[\\/]core[\\/](?:languages[\\/]observability|queries[\\/]|checks[\\/]queries[\\/])|[\\/]node_modules[\\/](?:@lezer|@prometheus-io|@grafana)[\\/]/;
const RE2 = /[\\/]node_modules[\\/]re2js[\\/]/;

const loaded = (pattern: RegExp) => Object.keys(require.cache).filter((file) => pattern.test(file));

test('a compose stack and its .env are checked without loading the Alloy or query code, which loads with their first file', () => {
  const analyzer = new Analyzer({
    source: memoryFileSource({
      '/ws/docker-compose.yml': 'services:\n  app:\n    image: grafana/alloy:${TAG}\n    depends_on: [init]\n  init:\n    image: busybox:1.36\n    command: ["chown", "-R", "10001", "/data"]\n',
      '/ws/.env': 'TAG=v1.8.0\n',
      '/ws/config.alloy': 'loki.write "default" {\n  endpoint {\n    url = "http://loki:3100/loki/api/v1/push"\n  }\n}\n',
      '/ws/dashboard.json': '{"panels": [{"targets": [{"expr": "rate(http_requests_total{job=\\"app*\\"}[5m])"}]}]}',
    }),
    environment: {},
  });
  const compose = analyzer.checkFile('/ws/docker-compose.yml').get('/ws/docker-compose.yml')!;
  assert.deepEqual(compose.map((f) => f.code), ['compose/depends-on-init-condition']);
  analyzer.checkFile('/ws/.env');
  assert.deepEqual(loaded(ALLOY), []);
  assert.deepEqual(loaded(QUERIES), []);
  assert.deepEqual(loaded(RE2), []);

  assert.deepEqual(analyzer.checkFile('/ws/config.alloy').get('/ws/config.alloy'), []);
  assert.ok(loaded(ALLOY).some((file) => /registry/.test(file)), 'checking an Alloy file loads the component registry');
  assert.deepEqual(loaded(QUERIES), []);

  const dashboard = analyzer.checkFile('/ws/dashboard.json').get('/ws/dashboard.json')!;
  assert.deepEqual(dashboard.map((f) => f.code), ['query/glob-with-equality-matcher']);
  assert.ok(loaded(QUERIES).some((file) => /lezer-promql/.test(file)), 'checking a dashboard loads the PromQL grammar');
});
