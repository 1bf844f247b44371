import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { readValue } from './queryParse';
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

test('a value read from a literal inside a query is the literal decoded, offsets and all', () => {
  const char = fc.constantFrom('a', 'é', '"', "'", '`', '\\', 'n', 'x', '4', '1');
  fc.assert(
    fc.property(fc.constantFrom('"', "'", '`'), fc.array(char, { maxLength: 8 }).map((c) => c.join('')), fc.boolean(), fc.boolean(), (quote, body, closed, slashBefore) => {
      const raw = quote + body + (closed ? quote : '');
      const prefix = slashBefore ? 'x{a=\\' : 'x{a=';
      const original = `${prefix}${raw} `;
      const source = { original, language: 'promql' as const, variables: [] };
      const read = readValue({ from: prefix.length, to: prefix.length + raw.length }, source);
      const decoded = decodeQueryString(raw, 'promql');
      assert.equal(read.value, decoded.value, raw);
      for (let k = 0; k <= decoded.value.length + 1; k++) assert.equal(read.valueToOriginal(k), prefix.length + decoded.toRaw(k), `${raw} at ${k}`);
    }),
    { numRuns: 2000 },
  );
});
