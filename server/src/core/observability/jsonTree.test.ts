import { test } from 'node:test';
import assert from 'node:assert/strict';
import { member, parseJsonTree, stringMember } from './jsonTree';

test('values keep the ranges of their raw text, escapes included', () => {
  const text = '{ "a": [1, true, null], "expr": "up{job=\\"x\\"} \\u00e9", "n": -1.5e3 }';
  const { root, error } = parseJsonTree(text);
  assert.equal(error, undefined);
  const expr = stringMember(root, 'expr')!;
  assert.equal(expr.value, 'up{job="x"} é');
  assert.equal(text.slice(expr.span.start, expr.span.end), '"up{job=\\"x\\"} \\u00e9"');
  assert.deepEqual(JSON.parse(text), { a: [1, true, null], expr: 'up{job="x"} é', n: -1500 });
  assert.deepEqual(member(root, 'n'), { kind: 'number', span: { start: 61, end: 67 }, value: -1500 });
});

test('a syntax error is reported where it is, and the last duplicate key wins', () => {
  assert.deepEqual(parseJsonTree('{"a": 1,}').error, { span: { start: 8, end: 9 }, message: 'expected a property name in double quotes' });
  assert.equal(parseJsonTree('{"a": "x').error?.message, 'unterminated string');
  assert.equal(member(parseJsonTree('{"a": 1, "a": 2}').root, 'a')?.span.start, 14);
});
