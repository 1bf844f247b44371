import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isValidIdentifier, tokenize } from './scanner';

function kinds(src: string): string[] {
  return tokenize(src).map((t) => (t.kind === 'TERMINATOR' ? ';' : t.kind === 'COMMENT' ? `#${t.lit}` : t.kind));
}

function lexErrors(src: string): string[] {
  const out: string[] = [];
  tokenize(src, (span, message) => out.push(`${span.start}: ${message}`));
  return out;
}

test('tokens and automatic terminators after identifiers, literals and closing brackets', () => {
  const cases: [string, string[]][] = [
    ['a = 1\n', ['IDENT', '=', 'NUMBER', ';', 'EOF']],
    ['x = 1 +\n 2', ['IDENT', '=', 'NUMBER', '+', 'NUMBER', ';', 'EOF']],
    ['b {\n}\n\n', ['IDENT', '{', '}', ';', 'EOF']],
    ['f(a)[0].b != null || !true && c >= 2.5e3 ^ -d', [
      'IDENT', '(', 'IDENT', ')', '[', 'NUMBER', ']', '.', 'IDENT', '!=', 'NULL', '||', '!', 'BOOL', '&&',
      'IDENT', '>=', 'FLOAT', '^', '-', 'IDENT', ';', 'EOF']],
    ['a <= b < c > d == e % f / g * h', [
      'IDENT', '<=', 'IDENT', '<', 'IDENT', '>', 'IDENT', '==', 'IDENT', '%', 'IDENT', '/', 'IDENT', '*', 'IDENT', ';', 'EOF']],
    ['x = 1 // c\n', ['IDENT', '=', 'NUMBER', ';', '#// c', 'EOF']],
    ['x = 1 /* a */ /* b */\ny', ['IDENT', '=', 'NUMBER', ';', '#/* a */', '#/* b */', 'IDENT', ';', 'EOF']],
    ['x /* a */ y', ['IDENT', '#/* a */', 'IDENT', ';', 'EOF']],
    ['[\n1,\n]', ['[', 'NUMBER', ',', ']', ';', 'EOF']],
  ];
  for (const [src, want] of cases) assert.deepEqual(kinds(src), want, src);
});

test('numbers: 1. and .5 and 1.e5 are floats; hex is a number then an identifier', () => {
  assert.deepEqual(tokenize('1. .5 1.e5 12 0x10').map((t) => `${t.kind}:${t.lit}`), [
    'FLOAT:1.', 'FLOAT:.5', 'FLOAT:1.e5', 'NUMBER:12', 'NUMBER:0', 'IDENT:x10', 'TERMINATOR:\n', 'EOF:']);
  assert.deepEqual(lexErrors('1e'), ['0: exponent has no digits']);
});

test('identifiers take Unicode letters and digits; keywords are not identifiers', () => {
  assert.deepEqual(tokenize('métrica_café x١').slice(0, 2).map((t) => t.lit), ['métrica_café', 'x١']);
  assert.ok(isValidIdentifier('métrica_café'));
  assert.ok(!isValidIdentifier('true'));
  assert.ok(!isValidIdentifier('my-label'));
  assert.ok(!isValidIdentifier(''));
});

test('strings: escapes and their exact errors', () => {
  assert.deepEqual(lexErrors(String.raw`"\a\b\f\n\r\t\v\\\"\101\x41\u0041\U0001F600"`), []);
  const cases: [string, string][] = [
    [String.raw`"\q"`, '2: unknown escape sequence'],
    [String.raw`"\'"`, '2: unknown escape sequence'],
    [String.raw`"\uD800"`, '2: escape sequence is invalid Unicode code point'],
    [String.raw`"\777"`, '2: escape sequence is invalid Unicode code point'],
    [String.raw`"\U00110000"`, '2: escape sequence is invalid Unicode code point'],
    [String.raw`"\xZZ"`, "2: illegal character U+005A 'Z' in escape sequence"],
    ['"\\x1\n"', '2: illegal character U+000A in escape sequence'],
    ['"\\', '2: escape sequence not terminated'],
    ['"abc\n', '0: string literal not terminated'],
    ['`a\nb', '0: string literal not terminated'],
  ];
  for (const [src, want] of cases) assert.equal(lexErrors(src)[0], want, src);
  assert.deepEqual(tokenize('`a\n"b`').map((t) => t.kind), ['STRING', 'TERMINATOR', 'EOF']);
});

test('illegal characters and the operators that need a second character', () => {
  assert.deepEqual(lexErrors(';#:'), ["0: illegal character U+003B ';'", "1: illegal character U+0023 '#'", "2: illegal character U+003A ':'"]);
  assert.deepEqual(lexErrors("'x'"), ['0: illegal single-quoted string; use double quotes']);
  assert.deepEqual(lexErrors('a | b & c'), ['3: missing second | in ||', '7: missing second & in &&']);
  assert.deepEqual(lexErrors('a\u0000'), ['1: illegal character NUL', '1: illegal character U+0000']);
  assert.deepEqual(lexErrors('\ufeffa \ufeff'), ['3: illegal byte order mark']);
  assert.deepEqual(lexErrors('/* open'), ['0: block comment not terminated']);
  assert.deepEqual(lexErrors('\ud800'), ['0: illegal UTF-8 encoding', "0: illegal character U+FFFD '\ufffd'"]);
});

test('an illegal character keeps a pending terminator', () => {
  assert.deepEqual(kinds('a;\n'), ['IDENT', 'ILLEGAL', ';', 'EOF']);
});

test('CRLF: carriage returns are whitespace and not part of comments', () => {
  const toks = tokenize('a = 1 // c\r\nb = 2\r\n');
  assert.deepEqual(toks.filter((t) => t.kind === 'COMMENT').map((t) => t.lit), ['// c']);
  assert.deepEqual(toks.map((t) => t.kind).filter((k) => k === 'TERMINATOR').length, 2);
});
