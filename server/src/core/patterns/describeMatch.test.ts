import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { describeMatch } from './describeMatch';

test('describeMatch names the wrapper and paraphrases the common shapes', () => {
  const cases: Array<[string, 'anchored' | 'unanchored', string]> = [
    ['app_.*', 'anchored', 'anchored: matches the whole value ^(?s:app_.*)$, i.e. values starting with `app_`'],
    ['.*-canary', 'anchored', 'anchored: matches the whole value ^(?s:.*-canary)$, i.e. values ending with `-canary`'],
    ['.*err.*', 'anchored', 'anchored: matches the whole value ^(?s:.*err.*)$, i.e. values containing `err`'],
    ['a|b\\.c|d', 'anchored', 'anchored: matches the whole value ^(?s:a|b\\.c|d)$, i.e. exactly `a`, `b.c` or `d`'],
    ['', 'anchored', 'anchored: matches the whole value ^(?s:)$, i.e. only the empty value'],
    ['.*', 'anchored', 'anchored: matches the whole value ^(?s:.*)$'],
    ['[a-z]+', 'anchored', 'anchored: matches the whole value ^(?s:[a-z]+)$'],
    ['error', 'unanchored', 'unanchored: matches if the pattern occurs anywhere in the text, i.e. text containing `error`'],
    ['err(or)?', 'unanchored', 'unanchored: matches if the pattern occurs anywhere in the text'],
    ['(?=x)', 'anchored', 'invalid RE2: invalid or unsupported Perl syntax: `(?=`'],
  ];
  for (const [pattern, anchoring, sentence] of cases) assert.equal(describeMatch(pattern, anchoring), sentence, pattern);
});

test('describeMatch never throws', () => {
  fc.assert(fc.property(fc.string(), fc.constantFrom('anchored' as const, 'unanchored' as const), (p, a) => void describeMatch(p, a)));
});
