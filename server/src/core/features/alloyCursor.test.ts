import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cursorAt } from './alloyCursor';

/** The cursor context at the `|` in `text`. */
const at = (text: string) => cursorAt(text.replace('|', ''), text.indexOf('|'));

test('statement starts: top level, inside components and nested blocks, with the dotted name typed', () => {
  assert.deepEqual(at('loki.wr|'), { context: { kind: 'statement', blocks: [] }, typed: 'loki.wr' });
  assert.deepEqual(at('logging {\n  level = "info"\n}\n|').context, { kind: 'statement', blocks: [] });
  assert.deepEqual(at('loki.write "a" {\n  endpoint {\n    u|\n  }\n}\n'), { context: { kind: 'statement', blocks: ['loki.write', 'endpoint'] }, typed: 'u' });
  assert.deepEqual(at('declare "x" {\n  |').context, { kind: 'statement', blocks: ['declare'] });
});

test('values: after =, in lists and call arguments, naming the attribute', () => {
  assert.deepEqual(at('loki.source.file "a" {\n  forward_to = [loki.write.|'), {
    context: { kind: 'expression', blocks: ['loki.source.file'], attribute: 'forward_to' },
    typed: 'loki.write.',
  });
  assert.deepEqual(at('a "b" {\n  x = [\n    c.d.e,\n    |\n  ]\n}').context, { kind: 'expression', blocks: ['a'], attribute: 'x' });
  assert.deepEqual(at('a "b" {\n  x = coalesce(sys.|').context, { kind: 'expression', blocks: ['a'], attribute: 'x' });
  assert.deepEqual(at('a "b" {\n  x = { k = |').context, { kind: 'expression', blocks: ['a'], attribute: 'x' });
});

test('nowhere to complete: strings, comments, block headers and object keys', () => {
  for (const text of ['a "b" {\n  x = "lo|', '// loki.|', '/* a\n |', 'loki.write "|', 'a "b" {\n  x = {\n    |', 'a "b" {\n  x = `raw|']) {
    assert.deepEqual(at(text).context, { kind: 'none' }, text);
  }
});

test('after a closed block or value, a new statement starts', () => {
  assert.deepEqual(at('a "b" {\n  x = [1, 2]\n  y = { k = 1 }\n  |\n}').context, { kind: 'statement', blocks: ['a'] });
  assert.deepEqual(at('a "b" {\n  c {\n  }\n  |').context, { kind: 'statement', blocks: ['a'] });
});
