import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alloyFormatting } from './alloyFormatting';

test('one edit over the whole text, formatted as alloy fmt does', () => {
  const text = 'loki.write "a" {\nendpoint {\nurl = "x"\nbatch_wait="1s"\n}\n}';
  assert.deepEqual(alloyFormatting(text), [{
    span: { start: 0, end: text.length },
    newText: 'loki.write "a" {\n\tendpoint {\n\t\turl        = "x"\n\t\tbatch_wait = "1s"\n\t}\n}\n',
  }]);
});

test('no edits when already formatted or when the file does not parse', () => {
  assert.deepEqual(alloyFormatting('loki.write "a" {\n\tendpoint {\n\t\turl = "x"\n\t}\n}\n'), []);
  assert.deepEqual(alloyFormatting('loki.write "a" {\n  endpoint {\n    url = "x";\n  }\n}\n'), []);
});
