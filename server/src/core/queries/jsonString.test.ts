import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { mapToJsonString } from './jsonString';

test('decodes JSON escapes and maps decoded offsets to raw ones', () => {
  const raw = String.raw`"up{job=\"api\"} \\ \u0041\n"`;
  const decoded = mapToJsonString(raw);
  assert.equal(decoded.value, 'up{job="api"} \\ A\n');
  assert.equal(decoded.value, JSON.parse(raw));
  assert.equal(decoded.toRaw(0), 1);
  assert.equal(decoded.toRaw(7), 8); // the `"` is the escape `\"` at 8
  assert.equal(decoded.toRaw(8), 10); // `a` of api
  assert.equal(raw.slice(decoded.toRaw(8), decoded.toRaw(11)), 'api');
  assert.equal(decoded.toRaw(decoded.value.length), raw.length - 1);
});

test('malformed escapes are kept as written', () => {
  assert.equal(mapToJsonString(String.raw`"a\qb\u12"`).value, String.raw`a\qb\u12`);
  assert.equal(mapToJsonString('"unterminated').value, 'unterminated');
});

test('agrees with JSON.parse, and the mapping is in range and monotonic', () => {
  fc.assert(
    fc.property(fc.string(), (s) => {
      const raw = JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => (c.charCodeAt(0) % 2 ? `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}` : c));
      const decoded = mapToJsonString(raw);
      assert.equal(decoded.value, s);
      let last = 0;
      for (let k = 0; k <= s.length; k++) {
        const at = decoded.toRaw(k);
        assert.ok(at >= last && at >= 1 && at <= raw.length - 1);
        last = at;
      }
    }),
    { numRuns: 1000 },
  );
  fc.assert(fc.property(fc.string(), fc.integer({ min: -5, max: 50 }), (raw, k) => void mapToJsonString(raw).toRaw(k)));
});
