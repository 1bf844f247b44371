import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

const CODE = 'river/unknown-attribute';

test('an unknown attribute in a component or block, with did-you-mean', () => {
  const run = checkAlloy('discovery.relabel "x" {\n  targets = []\n  rule {\n    regx = "a"\n  }\n  target = []\n}\n', CODE);
  assert.deepEqual(run.texts, ['target', 'regx']);
  assert.match(run.findings[1].message, /unrecognized attribute name "regx" in discovery.relabel > rule: did you mean "regex"\?/);
  assert.match(applyFix(run, run.findings[1].fixes?.[0]), /\n    regex = "a"/);
});

test('documented attributes, shared includes (http client) and custom components are fine', () => {
  const text = 'prometheus.scrape "s" {\n  targets = []\n  forward_to = []\n  bearer_token = "t"\n  scrape_interval = "10s"\n}\ndeclare "m" {\n  argument "x" { }\n}\nm "a" {\n  x = 1\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});

test('nested blocks keep their own arguments; Go-only names are left alone, typos are not', () => {
  // pyroscope.java profiling_config arguments come from its own section; splunkhec telemetry
  // `extra_attributes` is in the Go struct but not in the docs' table.
  const text = 'pyroscope.java "jvm" {\n  targets = []\n  forward_to = []\n  profiling_config {\n    sample_rate = 100\n    alloc = "512k"\n  }\n}\n' +
    'otelcol.exporter.splunkhec "s" {\n  client {\n    endpoint = "https://splunk:8088/services/collector"\n  }\n  splunk {\n    token = "t"\n    heartbeat {\n      interval = "30s"\n    }\n    telemetry {\n      enabled = true\n      extra_attributes = {\n        dataset_name = "x",\n      }\n    }\n  }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
  assert.deepEqual(checkAlloy('pyroscope.java "jvm" {\n  targets = []\n  forward_to = []\n  profiling_config {\n    sample_rat = 100\n  }\n}\n', CODE).texts, ['sample_rat']);
});

test('a config block the docs give no arguments (http) accepts none', () => {
  const run = checkAlloy('http {\n  test = "test"\n  tls { }\n}\n', CODE);
  assert.deepEqual(run.texts, ['test']);
  assert.match(run.findings[0].message, /^unrecognized attribute name "test" in http/);
});
