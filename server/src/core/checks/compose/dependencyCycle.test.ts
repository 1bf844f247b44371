import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanText, withCode, workspace } from '../../testing/stackFixture';

test('a cycle is reported on each of its edges, in compose words', () => {
  const ws = workspace({ 'docker-compose.yml': 'services:\n  a:\n    image: x:1\n    depends_on: [b]\n  b:\n    image: x:1\n    depends_on: [c]\n  c:\n    image: x:1\n    depends_on: [a]\n  d:\n    image: x:1\n    depends_on: [a]\n' });
  const findings = withCode(ws.check(), 'compose/dependency-cycle');
  assert.deepEqual(findings.map((f) => spanText(ws, f)), ['b', 'c', 'a']);
  assert.match(findings[0].message, /^dependency cycle detected: a -> b -> c -> a\./);
  assert.equal(findings[0].severity, 'error');
});

test('a diamond is no cycle', () => {
  const ws = workspace({ 'docker-compose.yml': 'services:\n  a:\n    image: x:1\n    depends_on: [b, c]\n  b:\n    image: x:1\n    depends_on: [d]\n  c:\n    image: x:1\n    depends_on: [d]\n  d:\n    image: x:1\n' });
  assert.deepEqual(withCode(ws.check(), 'compose/dependency-cycle'), []);
});
