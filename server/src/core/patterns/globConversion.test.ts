import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { globToRegex, regexToGlob } from './globConversion';
import { re2Matches, validateRe2 } from './re2';

test('globToRegex', () => {
  const cases: Array<[string, string]> = [
    ['app_*', 'app_.*'],
    ['*.log', '.*\\.log'],
    ['/var/log/**/*.log', '/var/log/(?:.*/)?.*\\.log'],
    ['{a,b}-x', '(?:a|b)-x'],
    ['{a,{b,c}}', '(?:a|(?:b|c))'],
    ['[!abc]?', '[^abc].'],
    ['file[0-9].log', 'file[0-9]\\.log'],
    ['a\\*b', 'a\\*b'],
    ['[unclosed', '\\[unclosed'],
    ['{unclosed', '\\{unclosed'],
    ['(a|b)+$', '\\(a\\|b\\)\\+\\$'],
  ];
  for (const [glob, regex] of cases) assert.equal(globToRegex(glob), regex, glob);
  assert.equal(re2Matches(globToRegex('/var/log/**/*.log'), 'anchored', '/var/log/x.log'), true);
});

test('regexToGlob', () => {
  const cases: Array<[string, string | undefined]> = [
    ['.*', '*'],
    ['^/var/log/.*\\.log$', '/var/log/*.log'],
    ['/var/log/(a|b)/x', '/var/log/{a,b}/x'],
    ['(?:x|y)z', '{x,y}z'],
    ['a|b', '{a,b}'],
    ['/logs/[^/]*\\.txt', '/logs/*.txt'],
    ['[^a]b', '[!a]b'],
    ['a.c', 'a?c'],
    ['a+', undefined],
    ['\\d', undefined],
    ['(a|b)*', undefined],
    ['[a-z]+', undefined],
    ['x^y', undefined],
    ['(?i)a', undefined],
    ['a(b', undefined],
  ];
  for (const [regex, glob] of cases) assert.equal(regexToGlob(regex), glob, regex);
});

// A glob as parts, each with the text it adds to the glob and a sample of what it matches.
const part = fc.oneof(
  fc.constantFrom(...'ab.+()|^$/-_ é'.split('')).map((c) => ({ glob: c, sample: fc.constant(c) })),
  fc.constant({ glob: '*', sample: fc.string({ maxLength: 4 }) }),
  fc.constant({ glob: '?', sample: fc.constantFrom('x', '/', '\n', '.', 'é') }),
  fc.constant({ glob: '[abc]', sample: fc.constantFrom('a', 'b', 'c') }),
  fc.constant({ glob: '[!abc]', sample: fc.constantFrom('d', '*', ']') }),
  fc.constant({ glob: '{x,yy,}', sample: fc.constantFrom('x', 'yy', '') }),
  fc.constant({ glob: '/**/', sample: fc.constantFrom('/', '/d/', '/d/e/') }),
  fc.constant({ glob: '\\*', sample: fc.constant('*') }),
);
const globWithSample = fc
  .array(part, { maxLength: 8 })
  .chain((parts) => fc.tuple(fc.constant(parts.map((p) => p.glob).join('')), fc.tuple(...parts.map((p) => p.sample)).map((s) => s.join(''))));

test('globToRegex, anchored, matches every string the glob matches', () => {
  fc.assert(
    fc.property(globWithSample, ([glob, sample]) => {
      const regex = globToRegex(glob);
      assert.deepEqual(validateRe2(regex), { ok: true }, `${glob} -> ${regex}`);
      assert.equal(re2Matches(regex, 'anchored', sample), true, `${glob} -> ${regex} vs ${JSON.stringify(sample)}`);
    }),
    { numRuns: 1000 },
  );
});

test('the conversions never throw and globToRegex always gives valid RE2', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...'a*?[]{},!^\\/.'.split('')) }), (s) => {
      assert.equal(validateRe2(globToRegex(s)).ok, true, s);
      regexToGlob(s);
    }),
    { numRuns: 2000 },
  );
});
