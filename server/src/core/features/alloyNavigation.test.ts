import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alloyDefinition, type AlloyLocation } from './alloyDefinition';
import { alloyReferences } from './alloyReferences';
import { FILE, marked, PIPELINE } from './alloyFixture';

const OUTPUTS = 'loki.write "remote" {\n  endpoint {\n    url = "x"\n  }\n}\n';
const TWO_SOURCES = PIPELINE + '\nloki.source.journal "j" {\n  forward_to = [loki.write.local.receiver, loki.write.remote.receiver]\n}\n';
const SIBLING = 'loki.source.api "api" {\n  http {\n    listen_port = 3500\n  }\n  forward_to = [loki.write.local.receiver]\n}\n';

function show(locations: AlloyLocation[], texts: Record<string, string>): string[] {
  return locations.map((l) => `${l.file.replace('/project/', '')}:${texts[l.file].slice(l.span.start, l.span.end)}@${l.span.start}`);
}

test('definition: a reference goes to the component, in this file or a sibling', () => {
  const local = marked(TWO_SOURCES.replace('[loki.write.local.receiver]', '[loki.write.lo|cal.receiver]'));
  const found = alloyDefinition(local.source, FILE, local.text, local.offset);
  assert.deepEqual(show(found, { [FILE]: local.text }), ['config.alloy:loki.write "local"@0']);
  const remote = marked(TWO_SOURCES.replace('loki.write.remote.receiver', 'loki.write.remote.rec|eiver'), { 'outputs.alloy': OUTPUTS });
  assert.deepEqual(show(alloyDefinition(remote.source, FILE, remote.text, remote.offset), { '/project/outputs.alloy': OUTPUTS }), ['outputs.alloy:loki.write "remote"@0']);
});

test('definition: a custom component goes to its declare; nothing for stdlib or unknown names', () => {
  const m = marked('declare "tail" {\n}\nta|il "a" {\n}\n');
  assert.deepEqual(show(alloyDefinition(m.source, FILE, m.text, m.offset), { [FILE]: m.text }), ['config.alloy:declare "tail"@0']);
  const env = marked('a "b" {\n  x = sys.e|nv("A")\n}\n');
  assert.deepEqual(alloyDefinition(env.source, FILE, env.text, env.offset), []);
});

test('references: from the header or a reference, across the directory, the ID part only', () => {
  const m = marked(TWO_SOURCES.replace('loki.write "local"', 'loki.write "lo|cal"'), { 'api.alloy': SIBLING });
  const texts = { [FILE]: m.text, '/project/api.alloy': SIBLING };
  assert.deepEqual(show(alloyReferences(m.source, FILE, m.text, m.offset, true), texts), [
    'config.alloy:loki.write "local"@0',
    `config.alloy:loki.write.local@${m.text.indexOf('loki.write.local.receiver]')}`,
    `config.alloy:loki.write.local@${m.text.indexOf('loki.write.local.receiver,')}`,
    `api.alloy:loki.write.local@${SIBLING.indexOf('loki.write.local')}`,
  ]);
  const fromRef = marked(TWO_SOURCES.replace('local.file_match.logs.targets', 'local.file_match.lo|gs.targets'));
  assert.deepEqual(alloyReferences(fromRef.source, FILE, fromRef.text, fromRef.offset, false).length, 1);
});
