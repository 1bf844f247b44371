import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseJsonTree, type JsonNode, type JsonTree } from './jsonTree';

function tree(text: string): JsonTree {
  const { tree, error } = parseJsonTree(text);
  assert.equal(error, undefined);
  return tree!;
}

test('values keep the ranges of their raw text, escapes included', () => {
  const text = '{ "a": [1, true, null], "expr": "up{job=\\"x\\"} \\u00e9", "n": -1.5e3 }';
  const t = tree(text);
  const expr = t.member(t.root, 'expr')!;
  assert.equal(t.string(expr), 'up{job="x"} é');
  assert.equal(t.stringMember(t.root, 'expr'), 'up{job="x"} é');
  assert.equal(text.slice(t.span(expr).start, t.span(expr).end), '"up{job=\\"x\\"} \\u00e9"');
  assert.deepEqual(t.value(t.root), { a: [1, true, null], expr: 'up{job="x"} é', n: -1500 });
  const n = t.member(t.root, 'n')!;
  assert.deepEqual([t.kind(n), t.span(n), t.value(n)], ['number', { start: 61, end: 67 }, -1500]);
  assert.deepEqual(t.items(t.member(t.root, 'a')).map((item) => t.kind(item)), ['number', 'boolean', 'null']);
  assert.equal(t.string(n), undefined);
  assert.deepEqual(t.items(n), []);
  assert.equal(t.member(n, 'x'), undefined);
});

test('a syntax error is reported where it is, and the last duplicate key wins', () => {
  assert.deepEqual(parseJsonTree('{"a": 1,}').error, { span: { start: 8, end: 9 }, message: 'expected a property name in double quotes' });
  assert.equal(parseJsonTree('{"a": "x').error?.message, 'unterminated string');
  assert.equal(parseJsonTree('{"a": "x\ny"}').error?.message, 'unterminated string');
  assert.deepEqual(parseJsonTree('[1, 01]').error, { span: { start: 5, end: 6 }, message: 'expected `,`' });
  assert.deepEqual(parseJsonTree('[1.]').error, { span: { start: 2, end: 3 }, message: 'expected `,`' });
  assert.deepEqual(parseJsonTree('[-]').error, { span: { start: 1, end: 2 }, message: 'unexpected character `-`' });
  assert.deepEqual(parseJsonTree('[1').error, { span: { start: 2, end: 2 }, message: 'expected `,`' });
  assert.deepEqual(parseJsonTree('{"a": }').error, { span: { start: 6, end: 7 }, message: 'unexpected character `}`' });
  assert.deepEqual(parseJsonTree('{} x').error, { span: { start: 3, end: 4 }, message: 'unexpected text after the JSON value' });
  assert.equal(parseJsonTree('['.repeat(300)).error?.message, 'JSON nests too deeply');
  const t = tree('{"a": 1, "a": 2}');
  assert.equal(t.span(t.member(t.root, 'a')!).start, 14);
});

test('keys with escapes are compared by their value', () => {
  const t = tree('{"pa\\u006eels": [1], "x\\"y": 2}');
  assert.deepEqual(t.value(t.items(t.member(t.root, 'panels'))[0]), 1);
  assert.equal(t.value(t.member(t.root, 'x"y')!), 2);
  assert.equal(t.member(t.root, 'pa\\u006eels'), undefined);
  assert.equal(t.key(t.member(t.root, 'x"y')!), 'x"y');
});

/** Every value and key of a tree, checked against JSON.parse of its own raw text. */
function assertSpansSliceBack(t: JsonTree, node: JsonNode): void {
  const { start, end } = t.span(node);
  assert.deepEqual(t.value(node), JSON.parse(t.text.slice(start, end)));
  const keySpan = t.keySpan(node);
  if (keySpan) assert.equal(t.key(node), JSON.parse(t.text.slice(keySpan.start, keySpan.end)));
  for (const child of t.children(node)) assertSpansSliceBack(t, child);
}

test('agrees with JSON.parse on any JSON, and every span slices back to its value', () => {
  const whitespace = fc.constantFrom('', ' ', '\n  ', '\t', '\r\n');
  // Re-serialized with random whitespace and, sometimes, \u escapes for non-ASCII characters.
  const text = fc.tuple(fc.jsonValue(), whitespace, fc.boolean()).map(([value, space, escape]) => {
    const json = JSON.stringify(value, null, space.length > 0 ? space : undefined) ?? 'null';
    return escape ? json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`) : json;
  });
  fc.assert(
    fc.property(text, whitespace, (json, around) => {
      const t = tree(around + json + around);
      assert.deepEqual(t.value(t.root), JSON.parse(json));
      assertSpansSliceBack(t, t.root);
    }),
    { numRuns: 500 },
  );
});

test('any text either parses to what JSON.parse gives, or reports an error inside the text', () => {
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.json().map((j) => j.slice(0, -1))), (text) => {
      const { tree, error } = parseJsonTree(text);
      if (error) assert.ok(error.span.start >= 0 && error.span.start <= text.length && error.span.end <= text.length);
      // The reader is more lenient than JSON.parse (unknown escapes, control characters), never stricter.
      else assert.ok(tree);
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return;
      }
      assert.deepEqual(tree!.value(tree!.root), parsed);
    }),
    { numRuns: 2000 },
  );
});
