import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alloyCompletion } from './alloyCompletion';
import { FILE, marked, PIPELINE } from './alloyFixture';

const complete = (text: string, siblings: Record<string, string> = {}) => {
  const { source, text: clean, offset } = marked(text, siblings);
  return alloyCompletion(source, FILE, clean, offset);
};
const labels = (items: { label: string }[]) => items.map((i) => i.label);

test('component names where a statement starts at top level, with a label and required arguments', () => {
  const items = complete(PIPELINE + '\nloki.wr|');
  const write = items.find((i) => i.label === 'loki.write')!;
  assert.equal(write.replaceLength, 'loki.wr'.length);
  assert.equal(write.snippet, 'loki.write "${1:default}" {\n\t$0\n}');
  assert.equal(items.find((i) => i.label === 'loki.source.file')!.snippet, 'loki.source.file "${1:default}" {\n\tforward_to = [$2]\n\ttargets = $3\n\t$0\n}');
  assert.equal(items.find((i) => i.label === 'logging')!.snippet, 'logging {\n\t$0\n}');
  assert.ok(!labels(items).includes('argument'), 'argument belongs in a declare');
});

test('inside a declare: components, argument and export, and the declared custom components', () => {
  const items = complete('declare "tail" {\n  |\n}\n');
  assert.ok(['loki.write', 'argument', 'export', 'tail'].every((l) => labels(items).includes(l)));
  assert.ok(!labels(items).includes('logging'));
});

test('arguments not yet written and blocks of the component, required first, also half typed', () => {
  const items = complete(PIPELINE.replace('  targets    =', '  |\n  targets    ='));
  assert.deepEqual(labels(items), ['encoding', 'legacy_positions_file', 'on_positions_file_error', 'tail_from_end', 'decompression', 'file_match', 'file_watch']);
  assert.equal(items[0].snippet, 'encoding = "$1"');
  const nested = complete('loki.write "x" {\n  endpoint {\n    ur|');
  assert.equal(nested[0].label, 'url');
  assert.equal(nested[0].detail, 'string, required');
  assert.equal(nested[0].replaceLength, 2);
});

test('a custom component takes the arguments its declare lists', () => {
  const items = complete('declare "tail" {\n  argument "path" {}\n  argument "level" { optional = true }\n}\ntail "a" {\n  path = "x"\n  |\n}\n');
  assert.deepEqual(items.map((i) => [i.label, i.detail]), [['level', 'argument, optional']]);
});

test('references where a value is expected: exports that fit the argument first, siblings included', () => {
  const text = PIPELINE.replace('forward_to = [loki.write.local.receiver]', 'forward_to = [loki.write.|]');
  const refs = complete(text, { 'remote.alloy': 'loki.write "remote" {\n  endpoint {\n    url = "x"\n  }\n}\n' }).filter((i) => i.kind === 'reference');
  const sorted = [...refs].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.deepEqual(labels(sorted), ['loki.write.local.receiver', 'loki.write.remote.receiver', 'local.file_match.logs.targets']);
  assert.equal(refs[0].replaceLength, 'loki.write.'.length);
  assert.equal(refs[0].detail, 'LogsReceiver');
});

test('the standard library in values, never the component itself', () => {
  const items = complete('prometheus.scrape "a" {\n  targets = [{"__address__" = sys.|}]\n  forward_to = []\n}\n');
  const env = items.find((i) => i.label === 'sys.env')!;
  assert.equal(env.kind, 'function');
  assert.equal(env.snippet, 'sys.env($1)');
  assert.equal(items.find((i) => i.label === 'constants.hostname')!.kind, 'constant');
  assert.ok(labels(items).includes('encoding.from_json') && labels(items).includes('coalesce'));
  assert.ok(!labels(items).some((l) => l.startsWith('prometheus.scrape.a')));
});

test('inside a declare, its arguments and the foreach variable are references', () => {
  const declare = complete('declare "d" {\n  argument "target" {}\n  loki.write "w" {\n    endpoint {\n      url = |\n    }\n  }\n}\n');
  assert.ok(labels(declare).includes('argument.target.value'));
  const foreach = complete('foreach "f" {\n  collection = [1]\n  var = "item"\n  template {\n    loki.write "w" {\n      external_labels = { n = |}\n    }\n  }\n}\n');
  assert.ok(labels(foreach).includes('item'));
});

test('nothing inside strings, comments and block labels', () => {
  assert.deepEqual(complete(PIPELINE.replace('"/var/log/*.log"', '"/var/log/|*.log"')), []);
  assert.deepEqual(complete('// loki.|\n'), []);
  assert.deepEqual(complete('loki.write "lo|" {\n}\n'), []);
});
