// The scan kept per scalar must not keep the file version it was read from: typing a variable in a
// big file would otherwise hold one copy of the whole file per edit (52 MB after 150 edits of the
// compose bench, before the fix).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ANALYZER = path.join(__dirname, '..', '..', 'analyzer.js');
const SOURCE = path.join(__dirname, '..', '..', 'workspace', 'fileSource.js');

// Run in a child with --expose-gc: the heap is measured after full collections. Variable names of 13
// characters and more, as V8 makes a slice of them that points into the whole text.
const SCRIPT = `
const { Analyzer } = require(${JSON.stringify(ANALYZER)});
const { overlayFileSource } = require(${JSON.stringify(SOURCE)});
const service = (i) => '  svc' + i + ':\\n    image: "registry.example.com/app:\${SERVICE_TAG_' + i + ':-1.0}"\\n    environment:\\n' +
  Array.from({ length: 20 }, (_, k) => '      - VAR_' + k + '=\${SERVICE_VALUE_' + k + ':-' + 'x'.repeat(40) + '}\\n').join('');
let text = 'services:\\n' + Array.from({ length: 300 }, (_, i) => service(i)).join('');
const open = new Map([['/w/docker-compose.yml', text]]);
const analyzer = new Analyzer({ source: overlayFileSource(() => open, { readFile: () => undefined, listDir: () => undefined }), environment: {} });
analyzer.checkFile('/w/docker-compose.yml');
gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < 150; i++) {
  const at = text.indexOf('\${SERVICE_VALUE_', (i * 7919) % text.length);
  text = text.slice(0, at) + '\${TYPED_VARIABLE_' + i + '}' + text.slice(at);
  open.set('/w/docker-compose.yml', text);
  analyzer.checkFile('/w/docker-compose.yml');
}
gc();
process.stdout.write(String(process.memoryUsage().heapUsed - before));
`;

test('typing variable references across a big compose file keeps one version of it, not one per edit', () => {
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', SCRIPT], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const grownMB = Number(run.stdout) / 1e6;
  // The file is ~430 KB: 150 retained versions would be over 60 MB.
  assert.ok(grownMB < 15, `the heap grew by ${grownMB.toFixed(1)} MB over 150 edits`);
});
