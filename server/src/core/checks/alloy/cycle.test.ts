import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlloy } from './alloyFixture';

const CODE = 'river/cycle';

test('components that reference each other in a loop, and a self reference', () => {
  const text = 'prometheus.relabel "label1" {\n  forward_to = [prometheus.relabel.label2.receiver]\n}\nprometheus.relabel "label2" {\n  forward_to = [prometheus.relabel.label1.receiver]\n}\nprometheus.relabel "self" {\n  forward_to = [prometheus.relabel.self.receiver]\n}\n';
  const run = checkAlloy(text, CODE);
  assert.equal(run.findings.length, 3);
  assert.match(run.findings[0].message, /^cannot reference self/);
  assert.match(run.findings[1].message, /^cycle detected: prometheus.relabel.label1, prometheus.relabel.label2/);
});

test('a chain is not a cycle', () => {
  const text = 'prometheus.relabel "a" {\n  forward_to = [prometheus.relabel.b.receiver]\n}\nprometheus.relabel "b" {\n  forward_to = []\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).findings, []);
});

test('a self reference is reported once, at the block, as `alloy validate` does', () => {
  const text = 'prometheus.relabel "self" {\n  forward_to = [prometheus.relabel.self.receiver, prometheus.relabel.self.receiver]\n}\n';
  const run = checkAlloy(text, CODE);
  assert.deepEqual(run.texts, ['prometheus.relabel']);
  assert.match(run.findings[0].message, /^cannot reference self: prometheus.relabel.self/);
});
