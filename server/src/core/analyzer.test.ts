import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { Analyzer } from './analyzer';
import { memoryFileSource } from './workspace/fileSource';

const REPO = path.resolve(__dirname, '..', '..', '..', '..');
const fixture = (rel: string) => fs.readFileSync(path.join(REPO, rel), 'utf8');

const SAMPLES: Record<string, string> = {
  'docker-compose.yml': fixture('test/fixtures/golden/lgtm-stack-clean/docker-compose.yml'),
  '.env': 'GF_ADMIN_PASSWORD=admin\nLOKI_VERSION=3.2.1\n',
  'config.alloy': fixture('test/fixtures/e2e-workspace/alloy/config.alloy'),
  'containers.json': fixture('test/fixtures/e2e-workspace/dashboards/containers.json'),
};

/** Half-typed files: a cut, a deletion, or random text dropped in somewhere. */
const halfTyped = (text: string) =>
  fc.oneof(
    fc.nat(text.length).map((n) => text.slice(0, n)),
    fc.tuple(fc.nat(text.length), fc.nat(40)).map(([at, n]) => text.slice(0, at) + text.slice(at + n)),
    fc.tuple(fc.nat(text.length), fc.string({ unit: fc.constantFrom(...'{}[]():"\'`$-#|>&*!\n\t =;,.\\ab1'.split('')), maxLength: 12 })).map(([at, s]) => text.slice(0, at) + s + text.slice(at)),
  );

test('the analyzer never throws and no check fails, whatever the editor holds', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    fc.assert(
      fc.property(halfTyped(text), (broken) => {
        const failures: string[] = [];
        const analyzer = new Analyzer({
          source: memoryFileSource({ ...Object.fromEntries(Object.entries(SAMPLES).map(([k, v]) => [`/w/${k}`, v])), [`/w/${name}`]: broken }),
          environment: {},
          onCheckError: (code, error) => failures.push(`${code}: ${error instanceof Error ? error.stack : error}`),
        });
        const findings = [...analyzer.checkFile(`/w/${name}`).values()].flat();
        assert.deepEqual(failures, [], broken);
        for (const f of findings) assert.ok(f.span.start >= 0 && f.span.end >= f.span.start, `${f.code} has a bad span`);
      }),
      { numRuns: 150 },
    );
  }
});
