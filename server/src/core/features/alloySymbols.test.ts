import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alloySymbols, type AlloySymbol } from './alloySymbols';
import { PIPELINE } from './alloyFixture';

const outline = (symbols: AlloySymbol[]): unknown[] => symbols.map((s) => (s.children.length ? [s.name, s.kind, outline(s.children)] : [s.name, s.kind]));

test('components with their labels, config blocks, custom components and nested blocks as a tree', () => {
  const text = 'logging {\n  level = "info"\n}\ndeclare "tail" {\n  argument "path" {}\n  loki.write "out" {\n    endpoint {\n      url = "x"\n    }\n  }\n}\ntail "a" {\n}\n' + PIPELINE;
  assert.deepEqual(outline(alloySymbols('/p/config.alloy', text)), [
    ['logging', 'config'],
    ['declare "tail"', 'config', [['argument "path"', 'config'], ['loki.write "out"', 'component', [['endpoint', 'block']]]]],
    ['tail "a"', 'custom'],
    ['loki.write "local"', 'component', [['endpoint', 'block']]],
    ['local.file_match "logs"', 'component'],
    ['loki.source.file "files"', 'component'],
  ]);
  const first = alloySymbols('/p/config.alloy', PIPELINE)[0];
  assert.deepEqual([first.selectionSpan, first.span.start, PIPELINE[first.span.end - 1]], [{ start: 0, end: 18 }, 0, '}']);
});

test('a half-typed file still has an outline of what parsed', () => {
  assert.deepEqual(outline(alloySymbols('/p/config.alloy', 'loki.write "a" {\n  endpoint {\n    url = ')), [['loki.write "a"', 'component', [['endpoint', 'block']]]]);
});
