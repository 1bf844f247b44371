import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

const DASHBOARD = JSON.stringify({
  title: 'Containers',
  panels: [{
    type: 'timeseries',
    title: 'Memory',
    datasource: { type: 'prometheus', uid: 'prom' },
    targets: [{ expr: 'container_memory_usage_bytes{name="dark_tower_ac*"}' }],
  }],
}, null, 2);

test('a dashboard over stdio: the glob-with-equality warning, its fix, and hover on the regex', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-dash-'));
  const file = path.join(dir, 'containers.json');
  const client = new LspClient();
  try {
    await client.initialize(dir);
    const uri = pathToFileURL(file).toString();
    const published = client.nextDiagnostics(uri);
    client.open(file, DASHBOARD, 'json');
    const { diagnostics } = await published;
    const [diagnostic] = diagnostics.filter((d) => d.code === 'query/glob-with-equality-matcher');
    assert.equal(diagnostic.severity, 2);
    const line = DASHBOARD.split('\n')[diagnostic.range.start.line];
    assert.equal(line.slice(diagnostic.range.start.character, diagnostic.range.end.character).includes('dark_tower_ac*'), true);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as { edit: { changes: Record<string, { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]> } }[];
    const lines = DASHBOARD.split('\n');
    const edits = actions[0].edit.changes[uri].sort((a, b) => b.range.start.character - a.range.start.character);
    for (const e of edits) {
      const l = lines[e.range.start.line];
      lines[e.range.start.line] = l.slice(0, e.range.start.character) + e.newText + l.slice(e.range.end.character);
    }
    const fixed = lines.join('\n');
    assert.equal(JSON.parse(fixed).panels[0].targets[0].expr, 'container_memory_usage_bytes{name=~"dark_tower_ac.*"}');

    const next = client.nextDiagnostics(uri);
    client.change(uri, 2, fixed);
    assert.deepEqual((await next).diagnostics.filter((d) => d.code.startsWith('query/') || d.code.startsWith('regex/')), []);
    const at = fixed.split('\n').findIndex((l) => l.includes('dark_tower_ac.*'));
    const character = fixed.split('\n')[at].indexOf('dark_tower_ac.*') + 3;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: at, character } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /anchored/);
  } finally {
    await client.stop();
  }
});
