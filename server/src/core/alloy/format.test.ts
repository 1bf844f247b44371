import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatAlloy } from './format';
import { parseAlloy } from './parser';

const cases: [string, string, string][] = [
  ['aligns = across consecutive attributes', 'a=1\nlonger_name="x"\n', 'a           = 1\nlonger_name = "x"\n'],
  ['a blank line ends the alignment run', 'a=1\n\nlonger=2\n', 'a = 1\n\nlonger = 2\n'],
  ['empty block', 'logging{}\n', 'logging { }\n'],
  ['blocks are separated by a blank line and indented with tabs',
    'a "x" { b = 1 }\nc { d { e = [1,2] } }\n',
    'a "x" {\n\tb = 1\n}\n\nc {\n\td {\n\t\te = [1, 2]\n\t}\n}\n'],
  ['trailing comma added when ] is on its own line', 'x = [\n1,\n2,\n]\n', 'x = [\n\t1,\n\t2,\n]\n'],
  ['operators get spaces, unary ones do not', 'x = -a+b*(c^2)||!d\n', 'x = -a + b * (c ^ 2) || !d\n'],
  ['trailing comments are aligned', 'a = 1 // one\nbbb = 2 // two\n', 'a   = 1 // one\nbbb = 2 // two\n'],
  ['object keys are aligned', 'x = {\na = 1,\n"long key" = 2,\n}\n', 'x = {\n\ta          = 1,\n\t"long key" = 2,\n}\n'],
];

for (const [name, input, want] of cases) {
  test(`format: ${name}`, () => assert.deepEqual(formatAlloy(input), { text: want }));
}

test('a file with syntax errors is not formatted', () => {
  const result = formatAlloy('a = \n');
  assert.ok('errors' in result && result.errors[0].message === 'expected expression, got EOF');
});

const piece = fc.constantFrom(
  'a = 1', 'bb = "s" // c', 'c = [1, 2,\n3]', 'd = {\nk = true,\n"q" = null,\n}', 'e = f(1,\n2)', '/* c */',
  'blk {\n', 'lbl "l" {\n', '}', '', 'x = a.b[0].c', 'y = -1.5e3 ^ 2 % 3', '// note',
);

test('property: formatting keeps the file valid, keeps its comments and is idempotent', () => {
  fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
    const text = pieces.join('\n') + '\n';
    const parsed = parseAlloy(text);
    const once = formatAlloy(text);
    if (!('text' in once)) return;
    const reparsed = parseAlloy(once.text);
    assert.deepEqual(reparsed.errors, [], once.text);
    assert.deepEqual(reparsed.comments.map((c) => c.text), parsed.comments.map((c) => c.text));
    assert.deepEqual(formatAlloy(once.text), once, text);
  }), { numRuns: 1000 });
});
