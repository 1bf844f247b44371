// Holds the parser to grafana/alloy's own parser test data and to a transcript of the real parser
// (see test/conformance/alloy/README.md).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseAlloy } from './parser';
import { tokenize } from './scanner';

const DATA = path.resolve(__dirname, '../../../../../test/conformance/alloy/parser');

/** 1-based line and column of an offset, as Alloy prints them (ASCII fixtures: bytes = UTF-16). */
function lineCol(text: string, offset: number): string {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return `${line}:${offset - before.lastIndexOf('\n')}`;
}

/**
 * Port of error_test.go's expectedErrors: `/* ERROR "rx" *\/` expects an error at the previous
 * token, `/* ERROR HERE "rx" *\/` right after it.
 */
function expectedErrors(src: string): Map<number, string> {
  const expected = new Map<number, string>();
  let prev = 0;
  let here = 0;
  for (const tok of tokenize(src)) {
    if (tok.kind === 'COMMENT') {
      const m = /^\/\* *ERROR *(HERE)? *"([^"]*)" *\*\/$/.exec(tok.lit);
      if (m) expected.set(m[1] ? here : prev, m[2]);
    } else if (tok.kind !== 'TERMINATOR' && tok.kind !== 'EOF') {
      prev = tok.start;
      const literal = tok.kind === 'IDENT' || tok.kind === 'NUMBER' || tok.kind === 'FLOAT' || tok.kind === 'STRING';
      here = prev + (literal ? tok.lit.length : tok.kind.length);
    }
  }
  return expected;
}

const errorFiles = fs.readdirSync(DATA).filter((f) => f.endsWith('.alloy'));

test('the upstream error test files are all there', () => assert.equal(errorFiles.length, 6));

for (const name of errorFiles) {
  test(`upstream error cases: ${name}`, () => {
    const src = fs.readFileSync(path.join(DATA, name), 'utf8');
    const expected = expectedErrors(src);
    assert.ok(expected.size > 0);
    for (const err of parseAlloy(src).errors) {
      const rx = expected.get(err.span.start);
      assert.ok(rx !== undefined, `unexpected error ${lineCol(src, err.span.start)}: ${err.message}`);
      assert.match(err.message, new RegExp(rx), `at ${lineCol(src, err.span.start)}`);
      expected.delete(err.span.start);
    }
    assert.deepEqual([...expected].map(([pos, rx]) => `${lineCol(src, pos)}: ${rx}`), [], 'errors not reported');
  });
}

for (const name of fs.readdirSync(path.join(DATA, 'valid'))) {
  test(`upstream valid file parses without errors: ${name}`, () => {
    const src = fs.readFileSync(path.join(DATA, 'valid', name), 'utf8');
    assert.deepEqual(parseAlloy(src).errors, []);
  });
}

test('upstream fuzz corpus parses without throwing', () => {
  for (const name of fs.readdirSync(path.join(DATA, 'fuzz'))) {
    const corpus = fs.readFileSync(path.join(DATA, 'fuzz', name), 'utf8');
    const quoted = /\[\]byte\((".*")\)/.exec(corpus)![1];
    const result = parseAlloy(JSON.parse(quoted) as string);
    assert.ok(result.errors.length > 0, name);
  }
});

interface TranscriptCase {
  input: string;
  errors: { line: number; column: number; message: string; endLine?: number; endColumn?: number }[];
}

const transcript = JSON.parse(fs.readFileSync(path.join(DATA, 'transcript.json'), 'utf8')) as { cases: TranscriptCase[] };

for (const [i, c] of transcript.cases.entries()) {
  test(`transcript ${i + 1}: ${JSON.stringify(c.input)}`, () => {
    const actual = parseAlloy(c.input).errors.map((e) => {
      const end = e.span.end > e.span.start ? lineCol(c.input, e.span.end - 1) : '';
      return { at: lineCol(c.input, e.span.start), message: e.message, end };
    });
    const expected = c.errors.map((e, j) => ({
      at: `${e.line}:${e.column}`,
      message: e.message,
      // Alloy gives an end for few diagnostics; ours always have one, so compare only those.
      end: e.endLine ? `${e.endLine}:${e.endColumn}` : actual[j]?.end,
    }));
    assert.deepEqual(actual, expected);
  });
}
