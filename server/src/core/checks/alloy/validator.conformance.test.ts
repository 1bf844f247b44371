// Holds the Alloy checks to `alloy validate`'s own golden tests (grafana/alloy
// internal/validator/testdata, see test/conformance/alloy/validator/README.md): every diagnostic a
// .diags file expects is either reported by us (same code family, same line and column, Alloy's
// message at the start of ours) or listed below as deliberately not implemented, and we report no
// error the goldens do not expect.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Finding } from '../../diagnostic';
import { LineIndex } from '../../text/lineIndex';
import { memoryFileSource } from '../../workspace/fileSource';
import { runChecks } from '../check';
import { alloyChecks } from './registry';
import { alloyTarget } from './target';

const DATA = path.resolve(__dirname, '../../../../../../test/conformance/alloy/validator');

interface Expected {
  file: string;
  line: number;
  col: number;
  severity: 'error' | 'warning';
  message: string;
}

/** Which of our checks answers for an Alloy message (first match wins). */
const CODES: [RegExp, string][] = [
  [/^(string literal not terminated|missing ',' in |illegal |expected (TERMINATOR|identifier|expression|block label|[\]})=]|IDENT))/, 'river/syntax'],
  [/^cannot find the definition of component name /, 'river/unknown-component'],
  [/^component ".*" does not exist or is out of scope$/, 'river/unknown-reference'],
  [/^(cycle detected: |cannot reference self$)/, 'river/cycle'],
  [/^block \S+ already declared at /, 'river/duplicate-component'],
  [/^unrecognized attribute name /, 'river/unknown-attribute'],
  [/^unrecognized block name /, 'river/unknown-block'],
  [/^(missing required (attribute|block) |component ".*" must have a label$|\S+ block must have a label$)/, 'river/missing-required'],
  [/^expected [a-z]+(\(.*\))?, got [a-z]+$/, 'river/type-mismatch'],
];

/** `case/file:line:col` → why we do not report it. */
const NOT_IMPLEMENTED: Record<string, string> = {
  'invalid_declare/main.alloy:3:1': 'placement rule: argument blocks only inside a declare',
  'invalid_declare/main.alloy:5:1': 'placement rule: export blocks only inside a declare',
  'invalid_declare/main.alloy:48:2': 'placement rule: service blocks (logging) not allowed inside a declare',
  'invalid_declare/main.alloy:78:2': 'declare internals: a custom component\'s arguments come from its argument blocks, not checked',
  'invalid_declare/main.alloy:77:1': 'declare internals: required arguments of a custom component (argument optional = false), not checked',
  'invalid_foreach/main.alloy:30:3': 'placement rule: service blocks (logging) not allowed inside a foreach template',
  'invalid_foreach/main.alloy:86:5': 'placement rule: service blocks (logging) not allowed inside a foreach template',
  'invalid_types/main.alloy:10:12': 'component-specific validation (Go Validate(): otelcol.auth.headers action values), not in the registry',
  'stdlib/main.alloy:11:13': 'no warning for a component that shadows a stdlib name',
  'stdlib/main.alloy:15:13': 'no warning for deprecated stdlib functions',
  'ga/non_ga/main.alloy:2:1': 'stability levels (--stability.level) are not checked',
  'ga/non_ga/main.alloy:10:16': 'stability levels (--stability.level) are not checked',
  'ga/non_ga/main.alloy:11:16': 'stability levels (--stability.level) are not checked',
};

/** Reported at the same place with the same code, in deliberately different words. */
const MESSAGE_DIFFERENCES: Record<string, { code: string; ours: RegExp; reason: string }> = {
  'invalid_types/main.alloy:3:13': {
    code: 'river/type-mismatch',
    ours: /^expected object, got number/,
    reason: 'Alloy names a Go conversion (target::ConvertFrom ... int64); we say what the element should be',
  },
};

/** golang.org/x/tools/txtar: the comment, then `-- name --` lines each followed by that file's bytes. */
function parseTxtar(text: string): Record<string, string> {
  const files: Record<string, string> = {};
  const markers = [...text.matchAll(/^-- (.+?) --$/gm)];
  markers.forEach((m, i) => {
    const start = m.index! + m[0].length + 1;
    files[m[1]] = text.slice(Math.min(start, text.length), i + 1 < markers.length ? markers[i + 1].index : text.length);
  });
  return files;
}

/** The header lines diag.Printer writes (`Error: main.alloy:20:17: message`); source context skipped. */
function parseDiags(text: string): Expected[] {
  return [...text.matchAll(/^(Error|Warning): ([^:\n]+):(\d+):(\d+): (.*)$/gm)].map((m) => ({
    file: m[2],
    line: Number(m[3]),
    col: Number(m[4]),
    severity: m[1] === 'Error' ? 'error' : 'warning',
    message: m[5],
  }));
}

interface Ours extends Finding {
  at: string;
}

/** Runs our Alloy checks on every file of the archive, loaded as one directory as `alloy validate` loads them. */
function check(caseName: string, files: Record<string, string>): Ours[] {
  const dir = path.resolve('/conformance', caseName);
  const absolute = Object.fromEntries(Object.entries(files).map(([name, text]) => [path.join(dir, name), text]));
  const source = memoryFileSource(absolute);
  return Object.entries(absolute).flatMap(([file, text]) => {
    const lines = new LineIndex(text);
    return runChecks(alloyChecks, alloyTarget(file, text, source), (code, error) => {
      throw new Error(`${code} threw on ${caseName}: ${String(error)}`);
    }).map((f) => {
      // Alloy's columns count bytes; ours are UTF-16 offsets.
      const pos = lines.positionAt(f.span.start);
      const prefix = text.slice(lines.lineStart(pos.line), f.span.start);
      return { ...f, at: `${caseName}/${path.basename(f.file)}:${pos.line + 1}:${Buffer.byteLength(prefix) + 1}` };
    });
  });
}

const cases = [
  ...fs.readdirSync(DATA).filter((f) => f.endsWith('.txtar')).map((f) => f.slice(0, -'.txtar'.length)),
  ...fs.readdirSync(path.join(DATA, 'ga')).filter((f) => f.endsWith('.txtar')).map((f) => `ga/${f.slice(0, -'.txtar'.length)}`),
];

const tally = { cases: 0, expected: 0, matched: 0, differences: 0, notImplemented: 0 };
const listed = new Set<string>();

test('the upstream validator test data is all there', () => assert.equal(cases.length, 13));

for (const name of cases) {
  test(`alloy validate golden: ${name}`, () => {
    const files = parseTxtar(fs.readFileSync(path.join(DATA, `${name}.txtar`), 'utf8'));
    const expected = parseDiags(fs.readFileSync(path.join(DATA, `${name}.diags`), 'utf8'));
    const ours = check(name, files);
    const used = new Set<Ours>();
    const problems: string[] = [];
    tally.cases++;
    for (const e of expected) {
      const at = `${name}/${e.file}:${e.line}:${e.col}`;
      tally.expected++;
      const here = ours.filter((f) => f.at === at && !used.has(f));
      if (at in NOT_IMPLEMENTED) {
        listed.add(at);
        tally.notImplemented++;
        if (here.some((f) => f.message.startsWith(e.message))) problems.push(`${at}: now reported, remove it from NOT_IMPLEMENTED`);
        continue;
      }
      const code = at in MESSAGE_DIFFERENCES ? MESSAGE_DIFFERENCES[at].code : CODES.find(([rx]) => rx.test(e.message))?.[1];
      if (!code) {
        problems.push(`${at}: no code maps "${e.message}"; map it in CODES or list it in NOT_IMPLEMENTED`);
        continue;
      }
      const difference = MESSAGE_DIFFERENCES[at];
      const match = here.find((f) => f.code === code && f.severity === e.severity && (difference ? difference.ours.test(f.message) : f.message.startsWith(e.message)));
      if (!match) {
        const near = here.map((f) => `\n    we have ${f.severity} ${f.code}: ${f.message}`).join('');
        problems.push(`${at}: expected ${e.severity} ${code}: ${e.message}${near}`);
        continue;
      }
      used.add(match);
      if (difference) {
        listed.add(at);
        tally.differences++;
      } else tally.matched++;
    }
    // Nothing the goldens do not expect: no extra error or warning (our hints and information findings,
    // such as river/unused-component, are not Alloy's to judge).
    for (const f of ours) {
      if (!used.has(f) && (f.severity === 'error' || f.severity === 'warning')) problems.push(`${f.at}: unexpected ${f.severity} ${f.code}: ${f.message}`);
    }
    if (expected.length === 0) assert.deepEqual(ours.filter((f) => f.severity === 'error'), [], 'the goldens say this input is valid');
    assert.deepEqual(problems, []);
  });
}

test('every NOT_IMPLEMENTED and MESSAGE_DIFFERENCES entry names a diagnostic the goldens expect', (t) => {
  const stale = [...Object.keys(NOT_IMPLEMENTED), ...Object.keys(MESSAGE_DIFFERENCES)].filter((at) => !listed.has(at));
  assert.deepEqual(stale, []);
  t.diagnostic(
    `${tally.cases} cases, ${tally.expected} expected diagnostics: ${tally.matched} matched exactly, ` +
      `${tally.differences} with a deliberate message difference, ${tally.notImplemented} not implemented`,
  );
});
