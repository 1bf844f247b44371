import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testWorkspace } from '../../observability/testWorkspace';
import { parseYamlConfig } from '../../observability/yamlConfig';

const CODE = 'loki/retention-not-enforced';

const LOKI3 = `auth_enabled: false
common:
  path_prefix: /loki
schema_config:
  configs:
    - from: 2024-01-01
      store: tsdb
      object_store: filesystem
      schema: v13
      index:
        prefix: index_
        period: 24h
limits_config:
  retention_period: 720h
`;

test('retention_period without compactor retention: warning, fix adds a compactor with a delete store', () => {
  const ws = testWorkspace({ 'loki.yaml': LOKI3 });
  const findings = ws.check('loki.yaml').filter((f) => f.code === CODE);
  assert.equal(findings.length, 1);
  assert.equal(ws.text(findings[0]), 'retention_period: 720h');
  assert.match(findings[0].message, /`compactor.retention_enabled` is not set \(default false\)/);
  const fixed = ws.apply(findings[0].fixes![0])['loki.yaml'];
  assert.match(fixed, /\ncompactor:\n  retention_enabled: true\n  delete_request_store: filesystem\n$/);
  assert.equal(parseYamlConfig(fixed).errors.length, 0);
  assert.deepEqual(testWorkspace({ 'loki.yaml': fixed }).check('loki.yaml'), []);
});

test('retention_enabled: false is set to true; a compactor block gets the setting at its indentation', () => {
  const disabled = testWorkspace({ 'loki.yaml': LOKI3 + 'compactor:\n    working_directory: /loki/compactor\n    retention_enabled: false\n    delete_request_store: filesystem\n' });
  const [f1] = disabled.check('loki.yaml');
  assert.match(f1.message, /is false/);
  assert.match(disabled.apply(f1.fixes![0])['loki.yaml'], /    retention_enabled: true\n/);
  const missing = testWorkspace({ 'loki.yaml': LOKI3 + 'compactor:\n    working_directory: /loki/compactor\n' });
  const [f2] = missing.check('loki.yaml');
  const fixed = missing.apply(f2.fixes![0])['loki.yaml'];
  assert.match(fixed, /compactor:\n    retention_enabled: true\n    delete_request_store: filesystem\n    working_directory/);
  assert.deepEqual(testWorkspace({ 'loki.yaml': fixed }).check('loki.yaml'), []);
});

test('per-stream retention counts; zero retention, enabled retention and ${VAR} do not', () => {
  const streams = LOKI3.replace('  retention_period: 720h\n', "  retention_stream:\n    - selector: '{namespace=\"dev\"}'\n      priority: 1\n      period: 24h\n");
  assert.equal(testWorkspace({ 'loki.yaml': streams }).check('loki.yaml').filter((f) => f.code === CODE).length, 1);
  assert.deepEqual(testWorkspace({ 'loki.yaml': LOKI3.replace('720h', '0s') }).check('loki.yaml'), []);
  const enabled = LOKI3 + 'compactor:\n  retention_enabled: true\n  delete_request_store: filesystem\n';
  assert.deepEqual(testWorkspace({ 'loki.yaml': enabled }).check('loki.yaml'), []);
  assert.deepEqual(testWorkspace({ 'loki.yaml': LOKI3 + 'compactor:\n  retention_enabled: ${RETENTION:-true}\n' }).check('loki.yaml'), []);
});
