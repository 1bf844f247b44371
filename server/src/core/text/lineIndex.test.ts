import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import fc from 'fast-check';
import { LineIndex } from './lineIndex';

test('positions count lines and UTF-16 characters from 0, for LF, CRLF and CR breaks', () => {
  const idx = new LineIndex('ab\r\ncd\ne\rf');
  assert.deepEqual(idx.positionAt(0), { line: 0, character: 0 });
  assert.deepEqual(idx.positionAt(4), { line: 1, character: 0 });
  assert.deepEqual(idx.positionAt(8), { line: 2, character: 1 });
  assert.deepEqual(idx.positionAt(9), { line: 3, character: 0 });
  assert.equal(idx.offsetAt({ line: 1, character: 1 }), 5);
  assert.equal(idx.lineText(0), 'ab');
  assert.equal(idx.lineCount, 4);
});

test('offsets past the end clamp to the text', () => {
  const idx = new LineIndex('x\ny');
  assert.deepEqual(idx.positionAt(99), { line: 1, character: 1 });
  assert.equal(idx.offsetAt({ line: 7, character: 0 }), 3);
  assert.equal(idx.offsetAt({ line: 0, character: 40 }), 2);
});

test('every offset maps to the line and column a split on line breaks gives, with or without CRs', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'é', '\n', '\r', '\r\n'), { maxLength: 40 }).map((parts) => parts.join('')), (text) => {
      const idx = new LineIndex(text);
      let line = 0;
      let column = 0;
      for (let offset = 0; offset <= text.length; offset++) {
        assert.deepEqual(idx.positionAt(offset), { line, character: column });
        const c = text[offset];
        if (c === '\n' || (c === '\r' && text[offset + 1] !== '\n')) {
          line++;
          column = 0;
        } else column++;
      }
    }),
  );
});

test('the same text is indexed once, however many callers ask', () => {
  const text = 'services:\n  app:\n    image: x\n';
  assert.equal(LineIndex.of(text), LineIndex.of(`${text}`));
  assert.notEqual(LineIndex.of(text), LineIndex.of(`${text}# edited\n`));
});

test('the indexes of texts nobody uses any more are not kept, nor their texts', async () => {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const collect = async () => {
    await new Promise((resolve) => setImmediate(resolve)); // weak references hold until the job ends
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = await collect();
  for (let version = 0; version < 8; version++) LineIndex.of(`version ${version}\n`.repeat(100_000)).positionAt(1_000_000);
  const grownMB = ((await collect()) - before) / 1e6;
  assert.ok(grownMB < 2, `8 texts of 1.1 MB indexed and dropped still hold ${grownMB.toFixed(1)} MB`);
});

test('an index scanned only as far as its questions needed answers as a fully scanned one, in any order', () => {
  const question = fc.oneof(
    fc.record({ kind: fc.constant('position' as const), n: fc.integer({ min: -2, max: 45 }) }),
    fc.record({ kind: fc.constantFrom('offset' as const, 'start' as const, 'text' as const, 'count' as const), n: fc.integer({ min: -1, max: 25 }), c: fc.integer({ min: 0, max: 5 }) }),
  );
  const ask = (idx: LineIndex, q: { kind: string; n: number; c?: number }) =>
    q.kind === 'position' ? idx.positionAt(q.n)
    : q.kind === 'offset' ? idx.offsetAt({ line: q.n, character: q.c ?? 0 })
    : q.kind === 'start' ? idx.lineStart(q.n)
    : q.kind === 'text' ? idx.lineText(q.n)
    : idx.lineCount;
  fc.assert(
    fc.property(fc.array(fc.constantFrom('a', 'é', '\n', '\r', '\r\n'), { maxLength: 40 }).map((parts) => parts.join('')), fc.array(question, { maxLength: 12 }), (text, questions) => {
      const lazy = new LineIndex(text);
      const full = new LineIndex(text);
      void full.lineCount;
      for (const q of questions) assert.deepEqual(ask(lazy, q), ask(full, q), JSON.stringify(q));
    }),
    { numRuns: 2000 },
  );
});
