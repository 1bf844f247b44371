import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testWorkspace } from '../../observability/testWorkspace';

const CODE = 'loki/retention-needs-delete-store';

const BASE = `schema_config:
  configs:
    - from: 2024-01-01
      store: tsdb
      object_store: s3
      schema: v13
      index: { prefix: index_, period: 24h }
limits_config:
  retention_period: 744h
`;

test('Loki 3.x: retention enabled without delete_request_store is an error, fixed with the schema object store', () => {
  const ws = testWorkspace({ 'loki.yaml': BASE + 'compactor:\n  working_directory: /loki/compactor\n  retention_enabled: true\n  compaction_interval: 10m\n' });
  const findings = ws.check('loki.yaml');
  assert.deepEqual(findings.map((f) => f.code), [CODE]);
  assert.equal(findings[0].severity, 'error');
  assert.equal(ws.text(findings[0]), 'retention_enabled: true');
  assert.match(findings[0].message, /compactor\.delete-request-store should be configured when retention is enabled/);
  const fixed = ws.apply(findings[0].fixes![0])['loki.yaml'];
  assert.match(fixed, /  retention_enabled: true\n  delete_request_store: s3\n  compaction_interval: 10m\n/);
  assert.deepEqual(testWorkspace({ 'loki.yaml': fixed }).check('loki.yaml'), []);
});

test('Loki 2.x (shared_store) keeps delete requests in the shared store: silent', () => {
  const ws = testWorkspace({ 'loki.yaml': BASE + 'compactor:\n  working_directory: /loki/compactor\n  shared_store: s3\n  retention_enabled: true\n' });
  assert.deepEqual(ws.check('loki.yaml'), []);
});

test('silent when the store is set or retention is off', () => {
  assert.deepEqual(testWorkspace({ 'loki.yaml': BASE + 'compactor:\n  retention_enabled: true\n  delete_request_store: s3\n' }).check('loki.yaml'), []);
  assert.deepEqual(testWorkspace({ 'loki.yaml': 'compactor:\n  retention_enabled: false\n' }).check('loki.yaml'), []);
});
