// Per-piece caches (parsed services, their schema findings, their interpolated scalars) must never
// show on the results: after any edit, a checked file reads exactly as it does to a fresh analyzer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Analyzer } from '../../analyzer';
import { memoryFileSource, overlayFileSource } from '../../workspace/fileSource';

const REPO = path.resolve(__dirname, '..', '..', '..', '..', '..', '..');
const SAMPLE = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'golden', 'lgtm-stack-clean', 'docker-compose.yml'), 'utf8');
const FILE = '/stack/docker-compose.yml';

function findings(analyzer: Analyzer): string[] {
  return [...analyzer.checkFile(FILE).values()].flat().map((f) => `${f.code} ${f.span.start}-${f.span.end} ${f.message} ${JSON.stringify(f.fixes ?? [])}`).sort();
}

test('after any sequence of edits, cached checking gives what a fresh analyzer gives', () => {
  const lines = SAMPLE.split('\n');
  fc.assert(
    fc.property(
      fc.array(fc.record({ line: fc.nat(lines.length - 1), text: fc.constantFrom('', '    restrat: always', '    image: "app:${TAG}"', '    healthcheck: {test: [CMD, "true"], retries: "x"}', '  extra:', '    image: x:1', '  # note', 'x-base: &base', '  restart: always', '    <<: *base', '    ports: [99999]', '      - LEVEL=${LEVEL:?set it}', '    depends_on: [nosuch]', '    depends_on: {grafana: {condition: service_healthy}}', '    restart: "no"', '    command: [sleep, infinity]', '  cache: {driver: 1, externl: true}', 'volume: {}') }), { minLength: 1, maxLength: 5 }),
      (edits) => {
        // An editor's view of the files: the analyzer reads the current text on every check.
        const open = new Map([[FILE, SAMPLE], ['/stack/.env', 'TAG=1\n']]);
        const cached = new Analyzer({ source: overlayFileSource(() => open, { readFile: () => undefined, listDir: () => undefined }), environment: {} });
        findings(cached);
        let current = [...lines];
        for (const edit of edits) {
          current = [...current.slice(0, edit.line), edit.text, ...current.slice(edit.line)];
          open.set(FILE, current.join('\n'));
          const fresh = new Analyzer({ source: memoryFileSource(Object.fromEntries(open)), environment: {} });
          assert.deepEqual(findings(cached), findings(fresh), open.get(FILE));
        }
      },
    ),
    { numRuns: 60 },
  );
});
