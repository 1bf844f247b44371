// Holds formatAlloy to grafana/alloy's printer test data (see test/conformance/alloy/README.md).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatAlloy } from './format';

const DATA = path.resolve(__dirname, '../../../../../test/conformance/alloy/printer');

const inputs = fs.readdirSync(DATA).filter((f) => f.endsWith('.in'));

test('the upstream printer test files are all there', () => assert.equal(inputs.length, 10));

for (const name of inputs) {
  const base = path.join(DATA, name.slice(0, -'.in'.length));
  test(`upstream printer case: ${name}`, () => {
    const result = formatAlloy(fs.readFileSync(base + '.in', 'utf8'));
    if (fs.existsSync(base + '.error')) {
      const expected = fs.readFileSync(base + '.error', 'utf8').replace(/\r\n/g, '\n');
      assert.ok('errors' in result);
      // The .error file holds Alloy's "file:line:col: message" text; its message must be among ours.
      assert.ok(result.errors.some((e) => expected.includes(e.message)), JSON.stringify(result.errors));
      return;
    }
    // printer_test.go compares with the .expect file minus trailing space; `alloy fmt` adds one newline.
    const expected = fs.readFileSync(base + '.expect', 'utf8').trimEnd() + '\n';
    assert.ok('text' in result, JSON.stringify(result));
    assert.equal(result.text, expected);
  });
}

for (const name of inputs.filter((f) => fs.existsSync(path.join(DATA, f.replace(/\.in$/, '.expect'))))) {
  test(`formatting is idempotent: ${name}`, () => {
    const once = formatAlloy(fs.readFileSync(path.join(DATA, name), 'utf8'));
    assert.ok('text' in once);
    assert.deepEqual(formatAlloy(once.text), once);
  });
}
