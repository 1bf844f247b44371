import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseAlloy } from '../../alloy/parser';
import { traversalText } from '../../alloy/traverse';
import { buildModel, resolve } from './model';

const CONFIG = `loki.source.file "logs" {
  targets    = local.file_match.logs.targets
  forward_to = [loki.process.logs.receiver, missing.component.out]
}

local.file_match "logs" {
  path_targets = [{"__path__" = "/var/log/*.log", "job" = sys.env("JOB")}]
}

declare "pipeline" {
  argument "input" { }

  loki.process "inner" {
    forward_to = argument.input.value
  }

  export "output" {
    value = loki.process.inner.receiver
  }
}

foreach "each" {
  collection = [1, 2]
  var        = "item"

  template {
    pipeline "x" {
      input = item
    }
  }
}

loki.process "logs" {
  forward_to = []
}
`;

test('every reference is resolved once the whole file is read, as resolve() resolves it', () => {
  const model = buildModel(parseAlloy(CONFIG).file);
  const seen = model.references.map((ref) => {
    const r = ref.resolution;
    assert.deepEqual(r, resolve(ref.traversal, ref.scope), traversalText(ref.traversal));
    return `${traversalText(ref.traversal)} -> ${r.kind === 'node' ? `${r.node.id} (${r.length})` : r.kind}`;
  });
  assert.deepEqual(seen, [
    'local.file_match.logs.targets -> local.file_match.logs (3)',
    'loki.process.logs.receiver -> loki.process.logs (3)',
    'missing.component.out -> unresolved',
    'sys.env -> builtin',
    'argument.input.value -> argument.input (2)',
    'loki.process.inner.receiver -> loki.process.inner (3)',
    'item -> builtin',
  ]);
});
