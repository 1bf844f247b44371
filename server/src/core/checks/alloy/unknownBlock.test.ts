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
