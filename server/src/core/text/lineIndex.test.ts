import { test } from 'node:test';
import assert from 'node:assert/strict';
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
