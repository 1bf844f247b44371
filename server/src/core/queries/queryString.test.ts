import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decodeQueryString } from './queryString';

test('Go quoting: escapes, raw strings and the offsets behind them', () => {
  assert.equal(decodeQueryString(String.raw`"a\"b\\c\x41\u00e9\101\n"`, 'promql').value, 'a"b\\cAéA\n');
  assert.equal(decodeQueryString("'it\\'s'", 'promql').value, "it's");
  assert.equal(decodeQueryString('`\\d+`', 'promql').value, '\\d+');
  const d = decodeQueryString(String.raw`"\\d+x"`, 'promql');
  assert.equal(d.value, '\\d+x');
  assert.deepEqual([0, 1, 2, 3, 4].map((k) => d.toRaw(k)), [1, 3, 4, 5, 6]);
});

test('the errors the real lexers give', () => {
  assert.deepEqual(decodeQueryString(String.raw`"\d+"`, 'promql').error, { span: { start: 1, end: 3 }, message: "unknown escape sequence U+0064 'd'" });
  assert.deepEqual(decodeQueryString(String.raw`"\d+"`, 'logql').error?.message, 'invalid char escape `\\d`');
  assert.equal(decodeQueryString(String.raw`"a\'"`, 'promql').error?.message, "unknown escape sequence U+0027 '''");
  assert.equal(decodeQueryString('"abc', 'promql').error?.message, 'unterminated quoted string');
  assert.equal(decodeQueryString(String.raw`"abc\"`, 'promql').error?.message, 'unterminated quoted string');
  assert.equal(decodeQueryString('"ok"', 'promql').error, undefined);
});

test('decoding never throws and maps in range, monotonically', () => {
  fc.assert(
    fc.property(fc.constantFrom('"', "'", '`'), fc.string({ unit: fc.constantFrom('a', '\\', '"', "'", 'x', '4', '1', 'u', 'U', 'é') }), (q, body) => {
      const raw = q + body + q;
      const d = decodeQueryString(raw, 'promql');
      let last = 0;
      for (let k = 0; k <= d.value.length; k++) {
        const at = d.toRaw(k);
        assert.ok(at >= last && at <= raw.length, `${raw} ${k}`);
        last = at;
      }
    }),
    { numRuns: 1000 },
  );
});
