import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isScalar, parseDocument, visit, type Scalar } from 'yaml';
import { yamlEmbedded } from './yamlScalar';

function scalars(text: string): Scalar[] {
  const out: Scalar[] = [];
  visit(parseDocument(text), { Pair: (_, pair) => void (isScalar(pair.value) && out.push(pair.value)) });
  return out;
}

test('every scalar style maps decoded offsets back to the raw characters', () => {
  const text = [
    'plain: a.b*',
    "single: 'it''s*'",
    'double: "x\\\\d*"',
    'literal: |',
    '  sum(rate(x[5m]))',
    '    / on() y*',
    'folded: >-',
    '  up{a="b"}',
    '  * 2',
    '',
  ].join('\n');
  const found = scalars(text).map((s) => yamlEmbedded('f', text, s)!);
  for (const e of found) {
    const star = e.value.indexOf('*');
    assert.equal(text[e.toFile(star)], '*', `star of ${JSON.stringify(e.value)}`);
  }
  assert.deepEqual(found.map((e) => e.value), ['a.b*', "it's*", 'x\\d*', 'sum(rate(x[5m]))\n  / on() y*\n', 'up{a="b"} * 2']);
  assert.equal(found[1].encode!("a'b"), "a''b");
  assert.equal(found[2].encode!('a\\b"'), 'a\\\\b\\"');
  assert.equal(found[0].encode!('#x'), undefined, 'a plain scalar cannot start with #');
});

test('a folded plain scalar falls back to the whole node, with no fix', () => {
  const text = 'expr: sum(x)\n  by (a)\n';
  const [s] = scalars(text);
  const e = yamlEmbedded('f', text, s)!;
  assert.equal(e.value, 'sum(x) by (a)');
  assert.equal(e.encode, undefined);
  assert.equal(e.toFile(3), s.range![0]);
});
