// Pieces kept across keystrokes must not keep the texts they were cut from: typing in a big file
// would otherwise hold one copy of the whole file per edit (51 MB after 150 edits here, before the fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EDITS, heapGrowthWhileTypingMB } from '../testing/typingMemory';

test('typing across a big compose file keeps one version of it, not one per edit', () => {
  const grownMB = heapGrowthWhileTypingMB(
    `(i) => '  svc' + i + ':\\n    image: "registry.example.com/app:\${TAG:-1.' + i + '}"\\n    restart: unless-stopped\\n    environment:\\n' +
      Array.from({ length: 20 }, (_, k) => '      - VAR_' + k + '=\${VALUE_' + k + ':-' + 'x'.repeat(40) + '}\\n').join('')`,
    `(text, i) => {
      const at = text.indexOf('\\n    restart:', (i * 7919) % text.length);
      return text.slice(0, at) + '\\n    # edit ' + i + text.slice(at);
    }`,
  );
  // The file is ~430 KB: 150 retained versions would be over 60 MB.
  assert.ok(grownMB < 15, `the heap grew by ${grownMB.toFixed(1)} MB over ${EDITS} edits`);
});
