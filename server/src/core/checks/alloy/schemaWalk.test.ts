import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAlloy } from '../../alloy/parser';
import { componentSchema } from '../../alloy/registry/registry';
import { buildModel } from './model';
import { BlockShape, schemaBodies } from './schemaWalk';

test('each body once, with its attributes, blocks and what the registry says about its path', () => {
  const text = 'discovery.relabel "a" {\n  targets = []\n  rule {\n    regex = "x"\n  }\n  rulez { }\n}\n';
  const visits = schemaBodies(buildModel(parseAlloy(text).file));
  assert.deepEqual(visits.map((v) => [v.path.join(' > '), v.attributes.map((a) => a.name.name), v.blockNames, v.unknownChildren.length]), [
    ['', ['targets'], ['rule', 'rulez'], 1],
    ['rule', ['regex'], [], 0],
  ]);
  assert.ok(visits[0].shape.argumentsByName.has('targets'));
  assert.deepEqual(visits[0].shape.requiredArguments.map((a) => a.name), ['targets']);
});

test('shapes are kept per documented path, not for names being typed', () => {
  const shape = BlockShape.of(componentSchema('discovery.relabel')!);
  assert.equal(BlockShape.of(componentSchema('discovery.relabel')!), shape);
  assert.equal(shape.child('rule'), shape.child('rule'));
  assert.notEqual(shape.child('rul'), shape.child('rul'));
});
