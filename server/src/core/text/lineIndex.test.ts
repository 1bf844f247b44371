import { test } from 'node:test';
import assert from 'node:assert/strict';
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
