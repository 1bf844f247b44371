import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkAlloy } from './alloyFixture';

const CODE = 'river/type-mismatch';

test('literals of the wrong type, in Alloy\'s words', () => {
  const text = 'discovery.relabel "x" {\n  targets = "oops"\n}\nprometheus.scrape "s" {\n  targets = [{"a" = "b"}, "c"]\n  forward_to = []\n  honor_labels = "yes"\n}\n';
  const run = checkAlloy(text, CODE);
  assert.deepEqual(run.texts, ['"oops"', '"c"', '"yes"']);
  assert.match(run.findings[0].message, /^expected array, got string: "targets" takes `list\(map\(string\)\)`/);
  assert.match(run.findings[1].message, /^expected object, got string/);
  assert.match(run.findings[2].message, /^expected bool, got string/);
});

test('conversions Alloy makes and non-literals are fine', () => {
  const text = 'prometheus.scrape "s" {\n  targets = discovery.docker.d.targets\n  forward_to = []\n  sample_limit = "100"\n  job_name = 5\n}\ndiscovery.docker "d" {\n  host = sys.env("DOCKER_HOST")\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});

test('map values are not checked against the docs, and Go types correct the docs\' scalars', () => {
  // filelog `operators` is documented `list(map(string))` but decodes to map[string]any;
  // googlecloudpubsub `remove_resource_attribute` is documented `string` but is a Go bool.
  const text = 'otelcol.receiver.filelog "f" {\n  include = ["/var/log/*.log"]\n  operators = [{\n    type = "regex_parser",\n    regex = "^(?P<ts>\\\\S+)",\n    timestamp = {\n      parse_from = "attributes.ts",\n      layout = "%Y-%m-%d",\n    },\n  }]\n  output { }\n}\n' +
    'otelcol.exporter.googlecloudpubsub "g" {\n  topic = "projects/p/topics/t"\n  watermark {\n    behavior = "earliest"\n  }\n  ordering {\n    enabled = true\n    from_resource_attribute = "k"\n    remove_resource_attribute = true\n  }\n}\n';
  assert.deepEqual(checkAlloy(text, CODE).texts, []);
});
