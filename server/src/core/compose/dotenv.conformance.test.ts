// Cases ported from compose-spec/compose-go dotenv/godotenv_test.go, dotenv/parser_test.go and
// dotenv/godotenv_var_expansion_test.go at e70e961c3a3acebf0800b882f1afb3dbf1fb74a2: upstream inputs and
// expected values as data. The fixtures are upstream's, copied to test/conformance/compose-go/dotenv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseDotenv } from './dotenv';
import type { Lookup } from './interpolation';

const FIXTURES = path.resolve(__dirname, '../../../../../test/conformance/compose-go/dotenv');

/** The variables compose would end up with: later entries win. Asserts the file has no error. */
function envOf(text: string, lookup?: Lookup, earlierFiles?: Lookup): Record<string, string> {
  const parsed = parseDotenv(text, lookup, earlierFiles);
  assert.deepEqual(parsed.errors, [], text);
  return Object.fromEntries(parsed.entries.map((e) => [e.name, e.value]));
}

function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

const from = (vars: Record<string, string>): Lookup => (name) => (Object.hasOwn(vars, name) ? vars[name] : undefined);

// Upstream's Read() drops keys starting with a digit; compose's GetEnvFromFile does not, so `456` stays.
const plain = { OPTION_A: '1', OPTION_B: '2', OPTION_C: '3', OPTION_D: '4', OPTION_E: '5', 456: 'ABC', OPTION_F: '', OPTION_G: '', OPTION_H: 'my string' };

const fixtureCases: [group: string, file: string, expected: Record<string, string>, lookup?: Record<string, string>][] = [
  ['TestReadPlainEnv', 'plain.env', plain],
  ['TestUTF8BOM', 'utf8-bom.env', plain],
  ['TestLoadExportedEnv', 'exported.env', { OPTION_A: '2', OPTION_B: '\\n' }],
  ['TestLoadEqualsEnv', 'equals.env', { OPTION_A: 'postgres://localhost:5432/database?sslmode=disable' }],
  ['TestLoadQuotedEnv', 'quoted.env', {
    OPTION_A: '1', OPTION_B: '2', OPTION_C: '', OPTION_D: '\\n', OPTION_E: '1', OPTION_F: '2', OPTION_G: '',
    OPTION_H: '\n', OPTION_I: "echo 'asd'", OPTION_J: 'first line\nsecond line\nthird line\nand so on',
    OPTION_K: "Let's go!", OPTION_Z: 'last value',
  }],
  ['TestLoadUnquotedEnv', 'unquoted.env', {
    OPTION_A: 'some quoted phrase', OPTION_B: 'first one with an unquoted phrase',
    OPTION_C: 'then another one with an unquoted phrase',
    OPTION_D: 'then another one with an unquoted phrase special è char', OPTION_E: 'then another one quoted phrase',
  }],
  ['TestSubstitutions', 'substitutions.env', { OPTION_A: '1', OPTION_B: '1', OPTION_C: '1', OPTION_D: '1_1', OPTION_E: '' }],
  ['TestSubstitutionsWithEnvFilePrecedence', 'substitutions.env',
    { OPTION_A: '1', OPTION_B: '5', OPTION_C: '5', OPTION_D: '5_5', OPTION_E: '' }, { OPTION_A: '5' }],
  ['TestSubstitutionsWithEnvFileDefaultValuePrecedence', 'substitutions-default.env',
    { OPTION_A: '5', OPTION_B: '5', OPTION_C: '5', OPTION_D: '5_5', OPTION_E: '' }, { OPTION_A: '5' }],
  ['TestSubstitutionsWithUnsetVarEnvFileDefaultValuePrecedence', 'substitutions-default.env',
    { OPTION_A: '1', OPTION_B: '1', OPTION_C: '1', OPTION_D: '1_1', OPTION_E: '' }],
  ['TestDash', 'special.env', { 'VAR.WITH.DOTS': 'dots', VAR_WITH_UNDERSCORES: 'underscores', 'VAR-WITH-DASHES': 'dashes' }],
  ['TestInheritedEnvVariableSameSize', 'inherited-multi-var.env',
    { foo: 'bar', VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE', bar: 'baz' },
    { VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE' }],
  ['TestInheritedEnvVariableSingleVar', 'inherited-single-var.env',
    { VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE' }, { VAR_TO_BE_LOADED_FROM_OS_ENV: 'SOME_RANDOM_VALUE' }],
  ['TestInheritedEnvVariableNotFound', 'inherited-not-found.env', {}],
];

for (const [group, file, expected, lookup] of fixtureCases) {
  test(`${group}: ${file}`, () => {
    assert.deepEqual(envOf(fixture(file), lookup && from(lookup)), expected);
  });
}

test('TestInheritedEnvVariableNotFoundWithLookup: the bare name is looked up', () => {
  const asked: string[] = [];
  assert.deepEqual(envOf(fixture('inherited-not-found.env'), (name) => void asked.push(name)), {});
  assert.deepEqual(asked, ['VARIABLE_NOT_FOUND']);
});

test('TestErrorParsing: invalid1.env, "key cannot contain a space" on line 7', () => {
  const text = fixture('invalid1.env');
  const { entries, errors } = parseDotenv(text);
  assert.deepEqual(errors.map((e) => [e.message, text.slice(e.span.start, e.span.end)]), [['key cannot contain a space', 'INVALID LINE']]);
  // Compose stops there; we carry on, so the rest of the file still counts.
  assert.deepEqual(entries.map((e) => [e.name, e.value, e.line + 1]), [['foo', '\n  a\n  multine\n  value\n', 2], ['zot', 'qix', 8]]);
});

// TestParsing: [input, key, value]. Inputs written String.raw are Go raw strings upstream.
const parsing: [input: string, key: string, value: string][] = [
  ['FOO=bar', 'FOO', 'bar'],
  ['FOO =bar', 'FOO', 'bar'],
  ['FOO= bar', 'FOO', 'bar'],
  ['FOO="bar"', 'FOO', 'bar'],
  ["FOO='bar'", 'FOO', 'bar'],
  [String.raw`FOO="escaped\"bar"`, 'FOO', 'escaped"bar'],
  [String.raw`FOO="\"quoted\""`, 'FOO', '"quoted"'],
  [`FOO="'d'"`, 'FOO', "'d'"],
  ['OPTION_A: 1', 'OPTION_A', '1'],
  ['OPTION_A: Foo=bar', 'OPTION_A', 'Foo=bar'],
  ['OPTION_A=1:B', 'OPTION_A', '1:B'],
  ['export OPTION_A=2', 'OPTION_A', '2'],
  [String.raw`export OPTION_B='\n'`, 'OPTION_B', '\\n'],
  ['export exportFoo=2', 'exportFoo', '2'],
  ['exportFOO=2', 'exportFOO', '2'],
  ['export_FOO =2', 'export_FOO', '2'],
  ['export.FOO= 2', 'export.FOO', '2'],
  ['export\tOPTION_A=2', 'OPTION_A', '2'],
  ['  export OPTION_A=2', 'OPTION_A', '2'],
  ['\texport OPTION_A=2', 'OPTION_A', '2'],
  ['export OPTION_A="export A"', 'OPTION_A', 'export A'],
  [String.raw`FOO="bar\nbaz"`, 'FOO', 'bar\nbaz'],
  [String.raw`FOO=a\tb`, 'FOO', 'a\\tb'],
  [String.raw`FOO="a\tb"`, 'FOO', 'a\tb'],
  [String.raw`KEY="Z\aZ\bZ\fZ\nZ\rZ\tZ\vZ\\Z\0123Z"`, 'KEY', 'Z\x07Z\bZ\fZ\nZ\rZ\tZ\vZ\\ZSZ'],
  ['FOO.BAR=foobar', 'FOO.BAR', 'foobar'],
  ['FOO=foobar=', 'FOO', 'foobar='],
  ['FOO=bar ', 'FOO', 'bar'],
  ['FOO=bar # this is foo', 'FOO', 'bar'],
  ['FOO=bar #this is foo', 'FOO', 'bar'],
  ['FOO=bar #', 'FOO', 'bar'],
  ['FOO=123#not-an-inline-comment', 'FOO', '123#not-an-inline-comment'],
  ['FOO="bar#baz"', 'FOO', 'bar#baz'],
  ['FOO="bar#baz"#', 'FOO', 'bar#baz'],
  ['FOO="bar#baz" # comment', 'FOO', 'bar#baz'],
  ["FOO='bar#baz' # comment", 'FOO', 'bar#baz'],
  ['FOO="bar#baz#bang" # comment', 'FOO', 'bar#baz#bang'],
  ['FOO="ba#r"', 'FOO', 'ba#r'],
  ["FOO='ba#r'", 'FOO', 'ba#r'],
  [String.raw`FOO="bar\n\ b\az"`, 'FOO', 'bar\n\\ b\x07z'],
  [String.raw`FOO="bar\\\n\ b\az"`, 'FOO', 'bar\\\n\\ b\x07z'],
  [String.raw`FOO="bar\\r\ b\az"`, 'FOO', 'bar\\r\\ b\x07z'],
  [String.raw`FOO="bar\nbaz\\"`, 'FOO', 'bar\nbaz\\'],
  ['="value"', '', 'value'],
  [' KEY =value', 'KEY', 'value'],
  ['   KEY=value', 'KEY', 'value'],
  ['\tKEY=value', 'KEY', 'value'],
  [String.raw`KEY="\0123"`, 'KEY', 'S'],
  [String.raw`KEY="\x07"`, 'KEY', String.raw`\x07`],
  [String.raw`KEY="\u12e4"`, 'KEY', String.raw`\u12e4`],
  [String.raw`KEY="\U00101234"`, 'KEY', String.raw`\U00101234`],
  // TestParse, TestVariableStringValueSeparator, TestExpandingEnvironmentWithLookup's line.
  ["ONE=1\nTWO='2'\nTHREE = \"3\"", 'THREE', '3'],
  ['TEST_URLS="stratum+tcp://stratum.antpool.com:3333\nstratum+tcp://stratum.antpool.com:443"', 'TEST_URLS',
    'stratum+tcp://stratum.antpool.com:3333\nstratum+tcp://stratum.antpool.com:443'],
];

for (const [input, key, value] of parsing) {
  test(`TestParsing: ${JSON.stringify(input)}`, () => {
    const env = envOf(input);
    assert.ok(Object.hasOwn(env, key), `${key} in ${JSON.stringify(env)}`);
    assert.equal(env[key], value);
  });
}

test('TestParse: all three keys', () => {
  assert.deepEqual(envOf("ONE=1\nTWO='2'\nTHREE = \"3\""), { ONE: '1', TWO: '2', THREE: '3' });
});

test('TestExpandingEnvironmentWithLookup: TEST=$ME', () => {
  assert.deepEqual(envOf('TEST=$ME', (name) => (name === 'ME' ? 'YES' : undefined)), { TEST: 'YES' });
});

const expanding: [name: string, input: string, expected: Record<string, string>][] = [
  ['expands variables found in values', 'FOO=test\nBAR=$FOO', { FOO: 'test', BAR: 'test' }],
  ['parses variables wrapped in brackets', 'FOO=test\nBAR=${FOO}bar', { FOO: 'test', BAR: 'testbar' }],
  ['expands undefined variables to an empty string', 'BAR=$FOO', { BAR: '' }],
  ['expands variables in double quoted strings', 'FOO=test\nBAR="quote $FOO"', { FOO: 'test', BAR: 'quote test' }],
  ['does not expand variables in single quoted strings', "BAR='quote $FOO'", { BAR: 'quote $FOO' }],
  ['does not expand escaped variables 1', String.raw`FOO="foo\$BAR"`, { FOO: 'foo$BAR' }],
  ['does not expand escaped variables 2', String.raw`FOO="foo\${BAR}"`, { FOO: 'foo${BAR}' }],
  ['does not expand escaped variables 3', 'FOO=test\nBAR="foo\\${FOO} ${FOO}"', { FOO: 'test', BAR: 'foo${FOO} test' }],
];

for (const [name, input, expected] of expanding) {
  test(`TestExpanding: ${name}`, () => assert.deepEqual(envOf(input), expected));
}

test('TestMultipleFiles: a later file sees the environment first, then what came before', () => {
  const base = '\nENV_HOSTNAME=localhost\nENV_MY_URL="http://${ENV_HOSTNAME}"\n';
  const override = '\nENV_HOSTNAME=dev.my-company.com\nENV_MY_URL="http://${ENV_HOSTNAME}"\n';
  const read = (os: Record<string, string>) => {
    const first = envOf(base, from(os));
    return { ...first, ...envOf(override, from(os), from(first)) };
  };
  assert.deepEqual(read({}), { ENV_HOSTNAME: 'dev.my-company.com', ENV_MY_URL: 'http://dev.my-company.com' });
  assert.deepEqual(read({ ENV_HOSTNAME: 'host.local' }), { ENV_HOSTNAME: 'dev.my-company.com', ENV_MY_URL: 'http://host.local' });
});

const unterminated = ['KEY="', 'KEY="value', 'KEY="value\\"', `KEY="value'`, "KEY='", "KEY='value", "KEY='value\\'", `KEY='value"`];

for (const input of unterminated) {
  test(`TestUnterminatedQuotes: ${input}`, () => {
    const { entries, errors } = parseDotenv(input);
    assert.deepEqual(entries, []);
    assert.deepEqual(errors, [{ span: { start: 4, end: input.length }, message: `unterminated quoted value ${input.slice(4)}` }]);
  });
}

const ignored = ['\n', '\r\n', '\t\t ', '# Comment', '\t # comment'];

for (const input of ignored) {
  test(`TestLinesToIgnore: ${JSON.stringify(input)}`, () => assert.deepEqual(parseDotenv(input), { entries: [], errors: [] }));
}

test('TestLinesToIgnore: a statement is not ignored', () => {
  assert.deepEqual(envOf(String.raw`export OPTION_B='\n'`), { OPTION_B: '\\n' });
});

test('TestParsing: lol$wut is an error', () => {
  const { errors } = parseDotenv('lol$wut');
  assert.deepEqual(errors, [{ span: { start: 3, end: 4 }, message: 'unexpected character "$" in variable name "lol$wut"' }]);
});

// parser_test.go
test('TestParseBytes: keys with [], . and non-ASCII letters', () => {
  const input = '\na=b\na[1]=c\na.propertyKey=d\nárvíztűrő-TÜKÖRFÚRÓGÉP=ÁRVÍZTŰRŐ-tükörfúrógép\n';
  assert.deepEqual(envOf(input), { a: 'b', 'a[1]': 'c', 'a.propertyKey': 'd', 'árvíztűrő-TÜKÖRFÚRÓGÉP': 'ÁRVÍZTŰRŐ-tükörfúrógép' });
});

test('TestParseVariable: the message names the character and the line', () => {
  const { errors } = parseDotenv('%!(EXTRA string)=foo');
  assert.deepEqual(errors.map((e) => e.message), ['unexpected character "%" in variable name "%!(EXTRA string)=foo"']);
});

test('TestMemoryExplosion: 1000 lines give 1000 entries', () => {
  const input = Array.from({ length: 1000 }, (_, i) => `KEY${i}=VALUE${i}`).join('\n');
  assert.equal(Object.keys(envOf(input)).length, 1000);
});

// godotenv_var_expansion_test.go: envMap {EMPTY_VAR: '', TEST_VAR: 'Test Value'}, written as earlier lines.
const expansion: [input: string, value: string, error?: string][] = [
  ['${UNSET_VAR:-Default Value}', 'Default Value'],
  ['${EMPTY_VAR:-Default Value}', 'Default Value'],
  ['${TEST_VAR:-Default Value}', 'Test Value'],
  ['${UNSET_VAR-Default Value}', 'Default Value'],
  ['${EMPTY_VAR-Default Value}', ''],
  ['${TEST_VAR-Default Value}', 'Test Value'],
  ['${UNSET_VAR:?Test error}', '${UNSET_VAR:?Test error}', 'required variable UNSET_VAR is missing a value: Test error'],
  ['${EMPTY_VAR:?Test error}', '${EMPTY_VAR:?Test error}', 'required variable EMPTY_VAR is missing a value: Test error'],
  ['${TEST_VAR:?Default Value}', 'Test Value'],
  ['${UNSET_VAR?Test error}', '${UNSET_VAR?Test error}', 'required variable UNSET_VAR is missing a value: Test error'],
  ['${EMPTY_VAR?Test error}', ''],
  ['${TEST_VAR?Default Value}', 'Test Value'],
];

for (const [input, value, error] of expansion) {
  test(`godotenv_var_expansion_test: RESULT=${input}`, () => {
    const text = `EMPTY_VAR=\nTEST_VAR=Test Value\nRESULT=${input}`;
    const { entries, errors } = parseDotenv(text);
    assert.equal(entries.at(-1)?.value, value);
    assert.deepEqual(errors.map((e) => [e.message, text.slice(e.span.start, e.span.end)]), error ? [[error, input]] : []);
  });
}
