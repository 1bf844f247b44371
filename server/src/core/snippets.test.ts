import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { withCode, workspace } from './testing/stackFixture';

const SNIPPETS = path.resolve(__dirname, '..', '..', '..', '..', 'snippets', 'compose.json');

/** A snippet body with every placeholder at its default, as inserting it and pressing Tab through gives. */
function expand(body: string[]): string {
  return body.join('\n').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
}

test('each compose snippet, inserted under services:, checks clean', () => {
  const snippets = JSON.parse(fs.readFileSync(SNIPPETS, 'utf8')) as Record<string, { body: string[] }>;
  assert.equal(Object.keys(snippets).length, 2);
  for (const [name, { body }] of Object.entries(snippets)) {
    const services = expand(body).split('\n').map((l) => (l ? `  ${l}` : l)).join('\n');
    const text = `services:\n${services}\nvolumes:\n  loki-data:\n`;
    const findings = workspace({ 'docker-compose.yml': text }).check().filter((f) => f.severity !== 'information');
    assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], name);
    assert.equal(withCode(findings, 'compose/yaml-syntax').length, 0);
  }
});
