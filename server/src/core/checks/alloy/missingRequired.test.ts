import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlloy } from './alloyFixture';

const CODE = 'river/missing-required';

test('a missing required attribute, in Alloy\'s words and with what to do', () => {
  const run = checkAlloy('loki.write "x" {\n  endpoint { }\n}\nlocal.file_match "f" { }\n', CODE);
  assert.deepEqual(run.texts, ['endpoint', 'local.file_match']);
  assert.match(run.findings[0].message, /^missing required attribute "url" in loki.write.x > endpoint: add `url = <string>`/);
  assert.match(run.findings[1].message, /missing required attribute "path_targets"/);
});

test('attributes the docs call required but Go makes optional are not reported', () => {
  // loki.source.docker `labels` is "yes" in the docs and `attr,optional` in the Go struct.
  const text = 'loki.source.docker "d" {\n  host = "unix:///var/run/docker.sock"\n  targets = []\n  forward_to = []\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});

test('a nested block table (stage.metrics > metric.counter) gives its arguments to the nested block, not the parent', () => {
  // The docs list metric.counter/histogram in a table inside `### stage.metrics`, with their
  // arguments under `####` headings: `name`, `action` and `buckets` are not stage.metrics' own.
  const text = 'loki.process "requests" {\n  forward_to = []\n  stage.metrics {\n    metric.counter {\n      name   = "requests_total"\n      source = "status"\n      action = "inc"\n    }\n' +
    '    metric.histogram {\n      name    = "request_duration_seconds"\n      source  = "duration"\n      buckets = [0.1, 0.5, 1.0]\n    }\n  }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
  const run = checkAlloy('loki.process "requests" {\n  forward_to = []\n  stage.metrics {\n    metric.counter {\n      action = "inc"\n    }\n  }\n}\n', CODE);
  assert.deepEqual(run.texts, ['metric.counter']);
  assert.match(run.findings[0].message, /missing required attribute "name" in loki.process.requests > stage.metrics > metric.counter/);
});

test('blocks linked inline ([groups](#logs--groups)) get their own sections', () => {
  // otelcol.receiver.awscloudwatch: group_name belongs to logs > groups > named, not to logs.
  const text = 'otelcol.receiver.awscloudwatch "cw" {\n  region = "us-west-2"\n  logs {\n    poll_interval = "3m"\n    groups {\n      named {\n        group_name = "/aws/eks/cluster"\n      }\n    }\n  }\n  output { }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
  const run = checkAlloy(text.replace('group_name = "/aws/eks/cluster"', ''), CODE);
  assert.deepEqual(run.texts, ['named']);
});

test('blocks the docs call required but Go makes optional, or does not have, are not reported', () => {
  // beyla.ebpf `output` is `block,optional` in Go; the remote_write azuread alternatives are each
  // optional; otelcol.receiver.solace documents a required `authentication` Go does not have (`auth`).
  const text = 'beyla.ebpf "b" {\n  discovery {\n    instrument {\n      open_ports = "8080"\n    }\n  }\n}\n' +
    'prometheus.remote_write "r" {\n  endpoint {\n    url = "http://m/api/v1/push"\n    azuread {\n      cloud = "AzurePublic"\n      managed_identity {\n        client_id = "00000000-0000-0000-0000-000000000000"\n      }\n    }\n  }\n}\n' +
    'otelcol.receiver.solace "s" {\n  queue = "queue://#telemetry-profile"\n  auth {\n    sasl_plain {\n      username = "u"\n      password = "p"\n    }\n  }\n  output { }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});

test('components and the config blocks that need one must have a label, in Alloy\'s words', () => {
  const text = 'local.file {\n  filename = "/tmp/x"\n}\nimport.http {\n  url = "http://x"\n}\nlogging { }\ndeclare "m" {\n  argument {}\n}\n';
  const run = checkAlloy(text, CODE);
  assert.deepEqual(run.texts, ['local.file', 'import.http', 'argument']);
  assert.match(run.findings[0].message, /^component "local.file" must have a label/);
  assert.match(run.findings[1].message, /^import.http block must have a label/);
  assert.match(run.findings[2].message, /^argument block must have a label/);
});
