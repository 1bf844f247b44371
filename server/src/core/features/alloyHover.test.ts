import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alloyHover } from './alloyHover';
import { FILE, marked, PIPELINE } from './alloyFixture';

const hover = (text: string, siblings: Record<string, string> = {}) => {
  const { source, text: clean, offset } = marked(text, siblings);
  const result = alloyHover(source, FILE, clean, offset);
  return result && { markdown: result.markdown, text: clean.slice(result.span.start, result.span.end) };
};

test('a component: summary, arguments with type, default and required, blocks and exports', () => {
  const h = hover(PIPELINE.replace('loki.write "local"', 'loki.wr|ite "local"'))!;
  assert.equal(h.text, 'loki.write');
  assert.match(h.markdown, /^\*\*loki\.write\*\* "local" · generally available\n\n`loki\.write` receives log entries/);
  assert.match(h.markdown, /\| `max_streams` \| `int` \| `0 \(no limit\)` \| no \|/);
  assert.match(h.markdown, /Blocks: `endpoint`/);
  assert.match(h.markdown, /Exports:\n- `receiver`: `LogsReceiver`/);
});

test('a reference: the component, its label, the export and its type', () => {
  const h = hover(PIPELINE.replace('loki.write.local.receiver', 'loki.write.lo|cal.receiver'))!;
  assert.equal(h.text, 'loki.write.local.receiver');
  assert.match(h.markdown, /^\*\*loki\.write\.local\*\*: component `loki\.write`, label "local"\n\nExport `receiver`: `LogsReceiver`/);
});

test('a reference into a sibling file says which file', () => {
  const text = 'loki.source.file "f" {\n  targets = []\n  forward_to = [loki.write.re|mote.receiver]\n}\n';
  const h = hover(text, { 'outputs.alloy': 'loki.write "remote" {\n  endpoint {\n    url = "x"\n  }\n}\n' })!;
  assert.match(h.markdown, /^\*\*loki\.write\.remote\*\*: component `loki\.write`, label "remote" in outputs\.alloy/);
});

test('an argument and a nested block of a component, from the registry', () => {
  const url = hover(PIPELINE.replace('url =', 'u|rl ='))!;
  assert.equal(url.text, 'url');
  assert.equal(url.markdown, '**url**: `string`, required\n\nArgument of `loki.write > endpoint`');
  const tail = hover('loki.source.file "f" {\n  tail_from_end| = true\n}\n')!;
  assert.match(tail.markdown, /\*\*tail_from_end\*\*: `bool`, optional[\s\S]*Default: `false`/);
  const endpoint = hover(PIPELINE.replace('endpoint {', 'endp|oint {'))!;
  assert.match(endpoint.markdown, /^\*\*endpoint\*\* block of `loki\.write`\n\n\| Argument/);
});

test('standard library functions and constants, deprecated names with their replacement', () => {
  const env = hover('a "b" {\n  x = sys.e|nv("X")\n}\n')!;
  assert.equal(env.text, 'sys.env');
  assert.match(env.markdown, /sys\.env\(name string\) -> string/);
  assert.match(hover('a "b" {\n  x = coal|esce(1, 2)\n}\n')!.markdown, /first argument that is not null/);
  assert.match(hover('a "b" {\n  x = constants.host|name\n}\n')!.markdown, /constants\.hostname: string/);
  assert.match(hover('a "b" {\n  x = en|v("X")\n}\n')!.markdown, /Deprecated: use `sys\.env`/);
});

test('nothing on values, unknown references and whitespace', () => {
  assert.equal(hover(PIPELINE.replace('http://loki', 'http://lo|ki')), undefined);
  assert.equal(hover('a "b" {\n  x = nowhere.to|.be\n}\n'), undefined);
  assert.equal(hover(PIPELINE.replace('\n\nlocal.file_match', '\n|\nlocal.file_match')), undefined);
});
