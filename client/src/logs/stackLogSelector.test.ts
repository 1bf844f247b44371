import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSingleMatcher, stackLogSelector } from './stackLogSelector';

const stack = (...selectors: string[]) => ({ projectName: 'my.obs', services: selectors.map((logSelector) => ({ logSelector })) });

test('services found by one label: one regex matcher over their values', () => {
  assert.equal(stackLogSelector(stack('{service="init"}', '{service="loki"}', '{service="loki"}')), '{service=~"init|loki"}');
  assert.equal(stackLogSelector(stack('{service="a.b"}', '{service="c"}')), '{service=~"a\\\\.b|c"}');
});

test('one service: its own selector, as the server wrote it', () => {
  assert.equal(stackLogSelector(stack('{service="loki"}')), '{service="loki"}');
});

test('regex selectors (the container-name guess) combine as regexes', () => {
  // As the language server writes them: the LogQL string escapes the regex's backslash.
  const a = '{container=~"/?my\\\\.obs[-_]init[-_][0-9]+"}';
  const b = '{container=~"/?my\\\\.obs[-_]loki[-_][0-9]+"}';
  assert.deepEqual(parseSingleMatcher(a), { label: 'container', regex: '/?my\\.obs[-_]init[-_][0-9]+' });
  assert.equal(stackLogSelector(stack(a, b)), '{container=~"/?my\\\\.obs[-_]init[-_][0-9]+|/?my\\\\.obs[-_]loki[-_][0-9]+"}');
  assert.deepEqual(parseSingleMatcher('{job=~"a|b"}'), { label: 'job', regex: '(?:a|b)' });
});

test('services found by different labels: the project\'s containers by name', () => {
  assert.equal(stackLogSelector(stack('{service="init"}', '{container=~"/?x"}')), '{container=~"/?my\\\\.obs[-_].+"}');
  assert.equal(parseSingleMatcher('{a="1", b="2"}'), undefined);
});
