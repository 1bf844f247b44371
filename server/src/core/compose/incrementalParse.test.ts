import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { parseDocument, visit, type Document, type Node } from 'yaml';
import { IncrementalComposeParser } from './incrementalParse';
import { interpolatedScalars, parseComposeFile } from './composeFile';

const REPO = path.resolve(__dirname, '..', '..', '..', '..', '..');
const SAMPLE = fs.readFileSync(path.join(REPO, 'test', 'fixtures', 'golden', 'lgtm-stack-clean', 'docker-compose.yml'), 'utf8');

/**
 * What a check can observe of a document: its values, whether it has errors, and the ranges of every
 * node inside a top-level value or a service (the two outermost mappings are assembled, not parsed).
 */
function observe(doc: Document.Parsed) {
  const ranges: string[] = [];
  visit(doc as Document, (_k, node, path) => {
    const r = (node as Node | null)?.range;
    if (r && path.length > 4) ranges.push(`${r[0]}-${r[1]}`);
  });
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: -1 });
  } catch {
    value = 'unreadable';
  }
  return { value, errors: doc.errors.length > 0, ranges: ranges.sort() };
}

test('pieces parsed alone and put together read the same as the whole file', () => {
  const parser = new IncrementalComposeParser();
  const whole = parseDocument(SAMPLE, { uniqueKeys: true });
  assert.deepEqual(observe(parser.parse(SAMPLE)), observe(whole));
});

test('after any sequence of edits, the reused pieces still read as a fresh parse', () => {
  const lines = SAMPLE.split('\n');
  fc.assert(
    fc.property(
      fc.array(fc.record({ line: fc.nat(lines.length - 1), text: fc.constantFrom('', '    restart: always', '  extra:', '    image: x:1', 'x-new: 1', '  # note', '# top note', '      - "9999:9999"', 'services:', '    bad: [', '  loki:', '    command: |', '      echo "a: b"', 'x-base: &base', '  restart: always', '    <<: *base', '    hc: *base', '  "quoted": 1', 'key: "multi', 'line: end"', '\tx: 1', '---', ' shallow: 1', '...', '%YAML 1.2') }), { minLength: 1, maxLength: 6 }),
      (edits) => {
        const parser = new IncrementalComposeParser();
        parser.parse(SAMPLE);
        let current = [...lines];
        for (const edit of edits) {
          current = [...current.slice(0, edit.line), edit.text, ...current.slice(edit.line)];
          const text = current.join('\n');
          const incremental = observe(parser.parse(text));
          const fresh = observe(parseDocument(text, { uniqueKeys: true }));
          assert.equal(incremental.errors, fresh.errors, text);
          if (!fresh.errors) {
            assert.deepEqual(incremental.value, fresh.value, text);
            assert.deepEqual(incremental.ranges, fresh.ranges, text);
          }
        }
      },
    ),
    { numRuns: 300 },
  );
});

test('after edits, the interpolated scalars found per piece are those of a fresh parse, at their new offsets', () => {
  const lines = SAMPLE.split('\n');
  const spans = (file: ReturnType<typeof parseComposeFile>) => interpolatedScalars(file).map((s) => file.text.slice(s.range![0], s.range![1]) + '@' + s.range![0]);
  fc.assert(
    fc.property(
      fc.array(fc.record({ line: fc.nat(lines.length - 1), text: fc.constantFrom('', '    image: "app:${TAG}"', '      - LEVEL=${LEVEL:-info}', '  extra:', '    environment: [A=$$B]', '  # $X', 'x-new: ${Y}') }), { minLength: 1, maxLength: 6 }),
      (edits) => {
        const parser = new IncrementalComposeParser();
        parseComposeFile('/c.yml', SAMPLE, (t) => parser.parse(t));
        let current = [...lines];
        for (const edit of edits) {
          current = [...current.slice(0, edit.line), edit.text, ...current.slice(edit.line)];
          const text = current.join('\n');
          const fresh = parseComposeFile('/c.yml', text);
          if (fresh.syntaxErrors.length > 0) continue;
          assert.deepEqual(spans(parseComposeFile('/c.yml', text, (t) => parser.parse(t))), spans(fresh), text);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('services indented by one space split and read as the whole file does', () => {
  for (const text of ['services:\n init:\n  image: busybox\n app:\n  image: app\n', 'services:\n {  init:\n']) {
    const whole = parseDocument(text, { uniqueKeys: true });
    assert.deepEqual(observe(new IncrementalComposeParser().parse(text)), observe(whole), text);
  }
});

test('duplicate services across pieces are still an error', () => {
  const doc = new IncrementalComposeParser().parse('services:\n  a:\n    image: x:1\n  a:\n    image: y:1\n');
  assert.deepEqual(doc.errors.map((e) => [e.code, e.pos]), [['DUPLICATE_KEY', [32, 33]]]);
});

test('two identical services each keep their pieces: both of their interpolated scalars are found', () => {
  const text = 'services:\n  a:\n    image: "app:${TAG}"\n  a:\n    image: "app:${TAG}"\n';
  const parser = new IncrementalComposeParser();
  for (const version of [text, text + '\n']) {
    const file = parseComposeFile('/c.yml', version, (t) => parser.parse(t));
    assert.deepEqual(interpolatedScalars(file).map((s) => s.range![0]), [26, 55]);
  }
});
