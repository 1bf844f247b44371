import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { closestMatch, editDistance } from './suggest';

test('edit distance counts insertions, deletions and substitutions', () => {
  assert.equal(editDistance('', ''), 0);
  assert.equal(editDistance('abc', ''), 3);
  assert.equal(editDistance('', 'ab'), 2);
  assert.equal(editDistance('reciever', 'receiver'), 2);
  assert.equal(editDistance('scrape_intervall', 'scrape_interval'), 1);
  assert.equal(editDistance('kitten', 'sitting'), 3);
});

test('did-you-mean: the first nearest candidate, case-insensitively, within a third of the name', () => {
  assert.equal(closestMatch('reciever', ['receiver', 'receivers']), 'receiver');
  assert.equal(closestMatch('Forward_To', ['forward_to']), 'forward_to');
  assert.equal(closestMatch('ab', ['ax', 'ay']), 'ax');
  assert.equal(closestMatch('targets', ['job_name', 'scheme']), undefined);
  assert.equal(closestMatch('x', []), undefined);
});

/** Every candidate measured, no shortcut: what closestMatch must agree with. */
function closestByFullScan(name: string, candidates: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(1, Math.floor(name.length / 3)) ? best : undefined;
}

test('property: skipping candidates by length never changes the answer', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'A', '_', 'İ', 'ß'), maxLength: 9 });
  fc.assert(fc.property(word, fc.array(word, { maxLength: 12 }), (name, candidates) => {
    assert.equal(closestMatch(name, candidates), closestByFullScan(name, candidates));
  }), { numRuns: 3000 });
});

test('property: a bounded edit distance is exact up to the bound and above it past the bound', () => {
  const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd'), maxLength: 10 });
  fc.assert(fc.property(word, word, fc.nat(6), (a, b, max) => {
    const exact = editDistance(a, b);
    const bounded = editDistance(a, b, max);
    if (exact <= max) assert.equal(bounded, exact);
    else assert.ok(bounded > max);
  }), { numRuns: 3000 });
});
