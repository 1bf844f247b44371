import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseDotenv } from './dotenv';

function slice(text: string, span: { start: number; end: number }): string {
  return text.slice(span.start, span.end);
}

test('entries carry the spans of their name and raw value, and the line of the name', () => {
  const text = '# c\nexport A = "x y" # note\n\nB=plain value # c\nC=\'q\'';
  const [a, b, c] = parseDotenv(text).entries;
  assert.deepEqual([slice(text, a.nameSpan), a.rawValue, a.value, a.line], ['A', '"x y"', 'x y', 1]);
  assert.deepEqual([slice(text, b.nameSpan), b.rawValue, b.line], ['B', 'plain value', 3]);
  assert.deepEqual([slice(text, c.valueSpan), c.value, c.line], ["'q'", 'q', 4]);
});

test('an error on one line does not stop the lines after it', () => {
  const text = 'A=1\nB C=2\nlol$wut\nD="open\nE=${\nF=6';
  const { entries, errors } = parseDotenv(text);
  assert.deepEqual(entries.map((e) => [e.name, e.value]), [['A', '1'], ['E', '${'], ['F', '6']]);
  assert.deepEqual(errors.map((e) => slice(text, e.span)), ['B C', '$', '"open', '${']);
});

test('expansion errors point into the value, through quotes and escapes', () => {
  const text = 'A="\\t\\$x ${NEED:?set it}"';
  const [error] = parseDotenv(text).errors;
  assert.equal(slice(text, error.span), '${NEED:?set it}');
  assert.equal(error.message, 'required variable NEED is missing a value: set it');
});

test('the lookup wins over earlier entries of the file', () => {
  const env = parseDotenv('A=file\nB=$A', (n) => (n === 'A' ? 'env' : undefined)).entries;
  assert.deepEqual(env.map((e) => e.value), ['file', 'env']);
});

test('a bare name takes its value from the lookup, then from earlier entries', () => {
  const text = 'A=1\nA\nHOME\nMISSING\n';
  const entries = parseDotenv(text, (n) => (n === 'HOME' ? '/root' : undefined)).entries;
  assert.deepEqual(entries.map((e) => [e.name, e.value, e.inherited ?? false]), [['A', '1', false], ['A', '1', true], ['HOME', '/root', true]]);
  assert.deepEqual(entries[2].valueSpan, { start: 10, end: 10 });
});

test('compose-go quirks are kept', () => {
  // A last line with no `=` and no line break is the value of the empty name.
  assert.deepEqual(parseDotenv('A=1\nLAST').entries.map((e) => [e.name, e.value]), [['A', '1'], ['', 'LAST']]);
  // Text after a closing quote is a new statement.
  assert.deepEqual(parseDotenv('A="1" B=2').entries.map((e) => [e.name, e.value]), [['A', '1'], ['B', '2']]);
  // Blanks after `=` are skipped before looking for ` #`, so this is a value, not a comment.
  assert.equal(parseDotenv('A= # not a comment').entries[0].value, '# not a comment');
  // `\0` escapes: exactly three octal digits make a character; otherwise the 0 is dropped.
  assert.equal(parseDotenv(String.raw`A="\0101 \0 \01 \0400 \c"`).entries[0].value, 'A \\ \\1 \\400 \\c');
  // Backticks are no quotes.
  assert.equal(parseDotenv('A=`x` # c').entries[0].value, '`x`');
  // A tab is not a space for the key check.
  assert.deepEqual(parseDotenv('A\tB=1').entries.map((e) => e.name), ['A\tB']);
});

test('CRLF line ends, a BOM and yaml-style colons', () => {
  const text = '\uFEFFA=1\r\nB: "2"\r\nC\r\n';
  const entries = parseDotenv(text, () => 'c').entries;
  assert.deepEqual(entries.map((e) => [e.name, e.value]), [['A', '1'], ['B', '2'], ['C', 'c']]);
  assert.deepEqual(entries[0].nameSpan, { start: 1, end: 2 });
});

test('export with nothing after it', () => {
  const { errors } = parseDotenv('export ');
  assert.match(errors[0].message, /^zero length string/);
});

const envText = fc.stringMatching(/^[A-Z_=:#'"`$\\{}\-?+ \t\r\n0xé]*$/);

test('property: parsing never throws, spans lie in the text, rawValue is the value span', () => {
  fc.assert(
    fc.property(fc.oneof(envText, fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (text) => {
      const { entries, errors } = parseDotenv(text, (n) => (n === 'X' ? 'x' : undefined));
      for (const e of entries) {
        for (const span of [e.nameSpan, e.valueSpan]) assert.ok(0 <= span.start && span.start <= span.end && span.end <= text.length);
        assert.equal(slice(text, e.nameSpan), e.name);
        assert.equal(slice(text, e.valueSpan), e.rawValue);
      }
      for (const e of errors) assert.ok(0 <= e.span.start && e.span.start <= e.span.end && e.span.end <= text.length);
    }),
    { numRuns: 3000 },
  );
});

test('property: a line after a bad line still parses', () => {
  fc.assert(
    fc.property(envText.filter((s) => !s.includes('\n') && !/['"]/.test(s)), (bad) => {
      const last = parseDotenv(`${bad}\nGOOD=1\n`).entries.at(-1);
      assert.deepEqual([last?.name, last?.value], ['GOOD', '1']);
    }),
    { numRuns: 2000 },
  );
});
