import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { RE2JS } from 're2js';
import { anchoredForm, re2Matches, validateRe2 } from './re2';

test('validateRe2 accepts Go syntax JS lacks and rejects JS syntax Go lacks, with Go messages', () => {
  for (const ok of ['(?P<name>a)', '(?i)abc', '[[:alpha:]]+', '\\pL', '\\x{10FFFF}', '\\Qa.b\\E', 'a{1000}', '\\z']) {
    assert.deepEqual(validateRe2(ok), { ok: true }, ok);
  }
  const rejected: Array<[string, string]> = [
    ['foo(?=bar)', 'invalid or unsupported Perl syntax: `(?=`'],
    ['(?<=a)b', 'invalid named capture: `(?<=a)b`'],
    ['(a)\\1', 'invalid escape sequence: `\\1`'],
    ['\\u0041', 'invalid escape sequence: `\\u`'],
    ['\\C', 'invalid escape sequence: `\\C`'],
    ['a{1001}', 'invalid repeat count: `{1001}`'],
    ['*a', 'missing argument to repetition operator: `*`'],
    ['a**', 'invalid nested repetition operator: `**`'],
    ['[a-', 'missing closing ]: `[a-`'],
  ];
  for (const [pattern, reason] of rejected) assert.deepEqual(validateRe2(pattern), { ok: false, reason }, pattern);
});

test('anchored matching wraps in ^(?s:…)$, unanchored finds anywhere', () => {
  assert.equal(anchoredForm('a|b'), '^(?s:a|b)$');
  assert.equal(re2Matches('foo', 'anchored', 'foobar'), false);
  assert.equal(re2Matches('foo', 'unanchored', 'a foobar'), true);
  assert.equal(re2Matches('a.b', 'anchored', 'a\nb'), true);
  assert.equal(re2Matches('(', 'anchored', '('), undefined);
});

test('property: a pattern of printable ASCII without metacharacters is accepted without compiling, as RE2 accepts it', () => {
  const plain = fc.string({ unit: fc.constantFrom(...'az09_-/:=@,;"\'%&<>~#! `'.split('')), maxLength: 30 });
  fc.assert(fc.property(plain, (pattern) => {
    assert.deepEqual(validateRe2(pattern), { ok: true });
    assert.doesNotThrow(() => RE2JS.compile(pattern));
  }), { numRuns: 500 });
  // One metacharacter and the verdict is RE2's again.
  assert.deepEqual(validateRe2('app-*'), { ok: true });
  assert.equal(validateRe2('app-(').ok, false);
});

test('property: whatever the pattern, the verdict is the one RE2 gives, told without compiling or not', () => {
  const compiles = (pattern: string) => {
    try {
      RE2JS.compile(pattern);
      return true;
    } catch {
      return false;
    }
  };
  const pattern = fc.string({ unit: fc.constantFrom(...'aZ9-_/.*+?|^$\\dwS(){}[],!'.split('')), maxLength: 12 });
  fc.assert(fc.property(pattern, (p) => assert.equal(validateRe2(p).ok, compiles(p), p)), { numRuns: 5000 });
  for (const p of ['svc-2-2.*', '/dark_tower_.*', 'error|warn', '^api/\\d+$', 'a**', '\\q', 'x|*']) assert.equal(validateRe2(p).ok, compiles(p), p);
});
