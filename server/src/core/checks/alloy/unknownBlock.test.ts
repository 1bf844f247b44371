import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFix, checkAlloy } from './alloyFixture';

const CODE = 'river/unknown-block';

test('an unknown block, nested or not, with did-you-mean', () => {
  const run = checkAlloy('loki.write "x" {\n  endpoint {\n    url = "http://l"\n    basic_aut { }\n  }\n  endpont { }\n}\n', CODE);
  assert.deepEqual(run.texts, ['endpont', 'basic_aut']);
  assert.match(run.findings[1].message, /unrecognized block name "basic_aut" in loki.write > endpoint: did you mean "basic_auth"\?/);
  assert.match(applyFix(run, run.findings[0].fixes?.[0]), /\n  endpoint \{ \}/);
});

test('stage.match nests every loki.process stage; undocumented children are left alone', () => {
  const text = 'loki.process "p" {\n  forward_to = []\n  stage.match {\n    selector = "{a=\\"b\\"}"\n    stage.match {\n      selector = "{c=\\"d\\"}"\n      stage.regex { expression = "x" }\n    }\n  }\n}\n' +
    'otelcol.processor.resourcedetection "r" {\n  ec2 {\n    resource_attributes {\n      host.name { enabled = true }\n    }\n  }\n  output { }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});

test('block names written loosely in the docs table are known', () => {
  // pyroscope.java's table writes [profiling_config`][profiling_config] (one backtick);
  // prometheus.exporter.process writes [matcher][] (none).
  const text = 'pyroscope.java "jvm" {\n  targets    = []\n  forward_to = []\n  profiling_config {\n    interval = "15s"\n    cpu      = true\n    event    = "itimer"\n  }\n}\n' +
    'prometheus.exporter.process "p" {\n  matcher {\n    name    = "{{.Comm}}"\n    cmdline = [".+"]\n  }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
  assert.deepEqual(checkAlloy('pyroscope.java "jvm" {\n  targets = []\n  forward_to = []\n  profiling_confg { }\n}\n', CODE).texts, ['profiling_confg']);
});

test('blocks Go accepts but the docs never place are left alone', () => {
  // tail_sampling composite `rate_allocation`, oracledb `database`: in the Go structs, not in the docs' tables.
  const text = 'otelcol.processor.tail_sampling "t" {\n  policy {\n    name = "c"\n    type = "composite"\n    composite {\n      max_total_spans_per_second = 100\n      policy_order = ["a"]\n' +
    '      composite_sub_policy {\n        name = "a"\n        type = "always_sample"\n      }\n      rate_allocation {\n        policy  = "a"\n        percent = 50\n      }\n    }\n  }\n  output { }\n}\n' +
    'prometheus.exporter.oracledb "o" {\n  database {\n    name              = "db1"\n    connection_string = "oracle://u:p@db:1521/ORCL"\n  }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});
