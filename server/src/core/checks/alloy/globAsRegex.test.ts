import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

const CODE = 'regex/glob-as-regex';

test('an anchored relabel regex written as a glob, with the regex as fix', () => {
  const text = 'discovery.relabel "r" {\n  targets = []\n  rule {\n    source_labels = ["__meta_docker_container_name"]\n    regex = "/app-*"\n    action = "keep"\n  }\n}\n';
  const run = checkAlloy(text, CODE);
  assert.deepEqual(run.texts, ['*']);
  assert.equal(run.findings[0].severity, 'warning');
  assert.match(applyFix(run, run.findings[0].fixes?.[0]), /regex = "\/app-\.\*"/);
});

test('unanchored stages and real regexes are fine', () => {
  const text = 'loki.process "p" {\n  forward_to = []\n  stage.regex { expression = "app_*" }\n}\nprometheus.relabel "r" {\n  forward_to = []\n  rule { regex = "go_.*|process_.*" }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).findings, []);
});
