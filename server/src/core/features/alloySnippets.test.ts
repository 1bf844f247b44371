import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatAlloy } from '../alloy/format';
import { workspace } from '../testing/stackFixture';

const SNIPPETS = path.resolve(__dirname, '..', '..', '..', '..', '..', 'snippets', 'alloy.json');

/** A snippet body with every placeholder at its default, as inserting it and pressing Tab through gives. */
function expand(body: string[]): string {
  return body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

test('each Alloy snippet, expanded with its defaults, parses, checks clean and is formatted as alloy fmt', () => {
  const snippets = JSON.parse(fs.readFileSync(SNIPPETS, 'utf8')) as Record<string, { body: string[] }>;
  assert.equal(Object.keys(snippets).length, 2);
  for (const [name, { body }] of Object.entries(snippets)) {
    const text = expand(body);
    const findings = workspace({ 'config.alloy': text }).check('config.alloy');
    assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], name);
    assert.deepEqual(formatAlloy(text), { text }, name);
  }
});
