import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

const CONFIG = `loki.write "local" {
  endpoint {
    url = "http://loki:3100/loki/api/v1/push";
  }
}

loki.source.file "files" {
  targets    = []
  forward_to = [loki.write.local.reciever]
}
`;

interface Range { start: { line: number; character: number }; end: { line: number; character: number } }
interface Edit { range: Range; newText: string }

/** Applies edits to a text (single-line ranges are all this test needs, plus whole-file ones). */
function apply(text: string, edits: Edit[]): string {
  const lines = text.split('\n');
  const offset = (p: Range['start']) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start))
    .reduce((t, e) => t.slice(0, offset(e.range.start)) + e.newText + t.slice(offset(e.range.end)), text);
}

const position = (text: string, needle: string, delta = 0) => {
  const i = text.indexOf(needle) + delta;
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
};

test('Alloy over stdio: diagnostics, a quick fix, hover, completion, definition, symbols, formatting', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-alloy-'));
  const file = path.join(dir, 'config.alloy');
  fs.writeFileSync(file, CONFIG);
  const client = new LspClient();
  try {
    const init = (await client.initialize(dir)) as { capabilities: Record<string, unknown> };
    for (const c of ['definitionProvider', 'referencesProvider', 'documentSymbolProvider', 'documentFormattingProvider']) assert.ok(init.capabilities[c], c);
    const uri = pathToFileURL(file).toString();
    const first = client.nextDiagnostics(uri);
    client.open(file, CONFIG, 'grafana-alloy');
    const { diagnostics } = await first;
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character]), [
      ['river/syntax', 2, 45],
      ['river/syntax', 2, 45],
      ['river/unknown-reference', 8, 33],
    ]);

    const typo = diagnostics[2];
    const actions = (await client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: typo.range, context: { diagnostics: [typo] } })) as { title: string; edit: { changes: Record<string, Edit[]> } }[];
    assert.equal(actions[0].title, 'Change to "receiver"');
    const fixed = apply(CONFIG, actions[0].edit.changes[uri]).replace('push";', 'push"');
    const second = client.nextDiagnostics(uri);
    client.change(uri, 2, fixed);
    assert.deepEqual((await second).diagnostics, []);

    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: position(fixed, 'loki.write.local.receiver', 12) })) as { contents: { value: string } };
    assert.match(hover.contents.value, /\*\*loki\.write\.local\*\*: component `loki\.write`, label "local"\n\nExport `receiver`: `LogsReceiver`/);

    const definition = (await client.connection.sendRequest('textDocument/definition', { textDocument: { uri }, position: position(fixed, 'loki.write.local.receiver', 3) })) as { uri: string; range: Range }[];
    assert.deepEqual(definition, [{ uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 18 } } }]);
    const references = (await client.connection.sendRequest('textDocument/references', { textDocument: { uri }, position: { line: 0, character: 2 }, context: { includeDeclaration: false } })) as { range: Range }[];
    assert.deepEqual(references.map((r) => r.range.start), [{ line: 8, character: 16 }]);

    const symbols = (await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } })) as { name: string; children: { name: string }[] }[];
    assert.deepEqual(symbols.map((s) => [s.name, s.children.map((c) => c.name)]), [['loki.write "local"', ['endpoint']], ['loki.source.file "files"', []]]);

    const typed = fixed.replace('forward_to = [loki.write.local.receiver]', 'forward_to = [loki.write.');
    client.change(uri, 3, typed);
    const items = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: position(typed, 'loki.write.', 'loki.write.'.length) })) as { label: string; kind: number; textEdit: Edit }[];
    const receiver = items.find((i) => i.label === 'loki.write.local.receiver')!;
    assert.equal(receiver.textEdit.newText, 'loki.write.local.receiver');
    assert.equal(receiver.textEdit.range.start.character, '  forward_to = ['.length);
    assert.ok(items.some((i) => i.label === 'sys.env'));

    const messy = 'loki.write "local" {\nendpoint {\nurl = "x"\n}\n}';
    client.change(uri, 4, messy);
    const edits = (await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } })) as Edit[];
    assert.equal(apply(messy, edits), 'loki.write "local" {\n\tendpoint {\n\t\turl = "x"\n\t}\n}\n');
    client.change(uri, 5, messy + ';');
    assert.deepEqual(await client.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), []);
  } finally {
    await client.stop();
  }
});
