// The TextMate grammar and language configuration for Alloy: valid JSON, every include resolves and
// every pattern compiles. The grammar keeps to regex syntax JavaScript shares with Oniguruma, so
// compiling as a RegExp checks it without vscode-textmate.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SYNTAXES = path.resolve(__dirname, '..', '..', '..', '..', '..', 'syntaxes');
const grammar = JSON.parse(fs.readFileSync(path.join(SYNTAXES, 'alloy.tmLanguage.json'), 'utf8'));

type Rule = Record<string, unknown>;

function* rules(node: unknown): Generator<Rule> {
  if (Array.isArray(node)) for (const n of node) yield* rules(n);
  else if (node && typeof node === 'object') {
    yield node as Rule;
    for (const value of Object.values(node)) yield* rules(value);
  }
}

/** Compiles the grammar's regex sources; `$` at the end of a match means the end of the line in both. */
const compile = (source: string) => new RegExp(source, 'm');

test('the grammar is source.alloy, its includes resolve and its patterns compile', () => {
  assert.equal(grammar.scopeName, 'source.alloy');
  let count = 0;
  for (const rule of rules(grammar)) {
    for (const key of ['match', 'begin', 'end'] as const) {
      if (typeof rule[key] !== 'string') continue;
      assert.doesNotThrow(() => compile(rule[key] as string), `${key}: ${rule[key]}`);
      count++;
    }
    const include = rule.include;
    if (typeof include === 'string' && include.startsWith('#')) assert.ok(grammar.repository[include.slice(1)], include);
  }
  assert.ok(count > 20, `${count} patterns`);
});

test('the main patterns match what they are for', () => {
  const repo = grammar.repository;
  const header = compile(repo.block.begin).exec('loki.write "local" {')!;
  assert.deepEqual([header[1], header[2], header[3]], ['loki.write', '"local"', '{']);
  assert.equal(compile(repo.block.begin).exec('logging {')![1], 'logging');
  assert.equal(compile(repo.attribute.match).exec('  forward_to = [')![1], 'forward_to');
  assert.equal(compile(repo.attribute.match).exec('a == b'), null);
  const escape = compile(repo.strings.patterns[0].patterns[0].match);
  assert.ok(['\\n', '\\"', '\\x41', '\\u00e9'].every((e) => escape.test(e)));
  const call = compile(repo.calls.match).exec('x = encoding.from_json(y)')!;
  assert.deepEqual([call[1], call[2]], ['encoding.', 'from_json']);
  assert.equal(compile(repo.references.match).exec('[loki.write.local.receiver]')![0], 'loki.write.local.receiver');
});

test('the language configuration is valid JSON with comments, brackets and quote pairs', () => {
  const config = JSON.parse(fs.readFileSync(path.join(SYNTAXES, 'alloy.language-configuration.json'), 'utf8'));
  assert.deepEqual(config.comments, { lineComment: '//', blockComment: ['/*', '*/'] });
  const opens = config.autoClosingPairs.map((p: { open: string }) => p.open);
  for (const open of ['{', '[', '(', '"', '`']) assert.ok(opens.includes(open), open);
  compile(config.indentationRules.increaseIndentPattern);
  assert.ok(compile(config.indentationRules.decreaseIndentPattern).test('  }'));
});
