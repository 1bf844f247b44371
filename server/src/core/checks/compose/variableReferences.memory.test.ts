// The scan kept per scalar must not keep the file version it was read from: typing a variable in a
// big file would otherwise hold one copy of the whole file per edit (52 MB after 150 edits of the
// compose bench, before the fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EDITS, heapGrowthWhileTypingMB } from '../../testing/typingMemory';

test('typing variable references across a big compose file keeps one version of it, not one per edit', () => {
  // Variable names of 13 characters and more, as V8 makes a slice of them that points into the whole text.
  const grownMB = heapGrowthWhileTypingMB(
    `(i) => '  svc' + i + ':\\n    image: "registry.example.com/app:\${SERVICE_TAG_' + i + ':-1.0}"\\n    environment:\\n' +
      Array.from({ length: 20 }, (_, k) => '      - VAR_' + k + '=\${SERVICE_VALUE_' + k + ':-' + 'x'.repeat(40) + '}\\n').join('')`,
    `(text, i) => {
      const at = text.indexOf('\${SERVICE_VALUE_', (i * 7919) % text.length);
      return text.slice(0, at) + '\${TYPED_VARIABLE_' + i + '}' + text.slice(at);
    }`,
  );
  // The file is ~430 KB: 150 retained versions would be over 60 MB.
  assert.ok(grownMB < 15, `the heap grew by ${grownMB.toFixed(1)} MB over ${EDITS} edits`);
});
