import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from './lspClient';

const COMPOSE = `services:
  init:
    image: busybox:1.36
    command: ["chown", "-R", "10001:10001", "/loki"]
  loki:
    image: grafana/loki:3.1.0
    depends_on: [init]
    environment:
      PASSWORD: \${LOKI_PASSWORD}
`;

function tempWorkspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-lsp-'));
  fs.writeFileSync(path.join(dir, '.env'), 'LOKI_PASSWORD=hunter2\nLOKI_TAG=3.1.0\n');
  return dir;
}

test('over stdio: diagnostics on open, a quick fix, re-check after the edit, hover and completion', async () => {
  const dir = tempWorkspace();
  const file = path.join(dir, 'docker-compose.yml');
  fs.writeFileSync(file, COMPOSE);
  const client = new LspClient();
  try {
    const init = (await client.initialize(dir)) as { capabilities: { codeActionProvider: unknown; hoverProvider: boolean } };
    assert.ok(init.capabilities.codeActionProvider && init.capabilities.hoverProvider);
    const uri = pathToUri(file);
    const first = client.nextDiagnostics(uri);
    client.open(file, COMPOSE);
    const { diagnostics } = await first;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range.start.line, d.range.start.character, d.source]), [
      ['compose/depends-on-init-condition', 2, 6, 17, 'stacklens'],
    ]);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as { title: string; edit: { changes: Record<string, { range: unknown; newText: string }[]> } }[];
    assert.equal(actions[0].title, 'Wait for "init" with service_completed_successfully');
    const edit = actions[0].edit.changes[uri][0];
    assert.match(edit.newText, /init:\n {8}condition: service_completed_successfully/);

    const fixed = COMPOSE.replace('depends_on: [init]', 'depends_on:\n      init:\n        condition: service_completed_successfully');
    const second = client.nextDiagnostics(uri);
    client.change(uri, 2, fixed);
    assert.deepEqual((await second).diagnostics, []);

    const passwordLine = fixed.split('\n').findIndex((l) => l.includes('${LOKI_PASSWORD}'));
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: passwordLine, character: 20 } })) as { contents: { value: string } };
    assert.match(hover.contents.value, /LOKI_PASSWORD\*\* = `•••••• \(masked\)` \(from \.env:1\)/);
    assert.doesNotMatch(hover.contents.value, /hunter2/);

    const typed = fixed.replace('${LOKI_PASSWORD}', '${LOKI_');
    client.change(uri, 3, typed);
    const line = typed.split('\n').findIndex((l) => l.includes('${LOKI_'));
    const items = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line, character: typed.split('\n')[line].length },
    })) as { label: string }[];
    assert.deepEqual(items.map((i) => i.label).sort(), ['LOKI_PASSWORD', 'LOKI_TAG']);
  } finally {
    await client.stop();
  }
});

test('a half-typed file gets a YAML error, never a crash', async () => {
  const dir = tempWorkspace();
  const file = path.join(dir, 'compose.yaml');
  const client = new LspClient();
  try {
    await client.initialize(dir);
    const uri = pathToUri(file);
    const published = client.nextDiagnostics(uri);
    client.open(file, 'services:\n  loki:\n    image: "grafana/loki\n    depends_on: [\n');
    const { diagnostics } = await published;
    assert.ok(diagnostics.some((d) => d.code === 'compose/yaml-syntax' && d.severity === 1));
    for (const text of ['services:\n  a:\n    depends_on:\n      b:\n        condition: ', '{{{', 'services: [', '\t- x', '${']) {
      const next = client.nextDiagnostics(uri);
      client.change(uri, 2, text);
      await next;
    }
  } finally {
    await client.stop();
  }
});

function pathToUri(file: string): string {
  return require('node:url').pathToFileURL(file).toString();
}
