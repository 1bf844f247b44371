// Test support: how much the heap keeps after typing across a big compose file, measured in a child
// node with --expose-gc, after full collections.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ANALYZER = path.join(__dirname, '..', 'analyzer.js');
const SOURCE = path.join(__dirname, '..', 'workspace', 'fileSource.js');
export const EDITS = 150;

/**
 * MB the heap grew by over EDITS edits of a 300-service file (about 430 KB), each followed by a check.
 * `service` is the source of `(i) => text` for the i-th service; `edit`, of `(text, i) => text`.
 */
export function heapGrowthWhileTypingMB(service: string, edit: string): number {
  const script = `
const { Analyzer } = require(${JSON.stringify(ANALYZER)});
const { overlayFileSource } = require(${JSON.stringify(SOURCE)});
const service = ${service};
const edit = ${edit};
let text = 'services:\\n' + Array.from({ length: 300 }, (_, i) => service(i)).join('');
const open = new Map([['/w/docker-compose.yml', text]]);
const analyzer = new Analyzer({ source: overlayFileSource(() => open, { readFile: () => undefined, listDir: () => undefined }), environment: {} });
analyzer.checkFile('/w/docker-compose.yml');
gc();
const before = process.memoryUsage().heapUsed;
for (let i = 0; i < ${EDITS}; i++) {
  text = edit(text, i);
  open.set('/w/docker-compose.yml', text);
  analyzer.checkFile('/w/docker-compose.yml');
}
gc();
process.stdout.write(String(process.memoryUsage().heapUsed - before));
`;
  const run = spawnSync(process.execPath, ['--expose-gc', '-e', script], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`the typing script failed:\n${run.stderr}`);
  return Number(run.stdout) / 1e6;
}
