// The extension, end to end in a real VS Code, on an Alloy file (alloy/config.alloy): the `.alloy`
// language is contributed, the two mistakes in the fixture are reported where they are, and their quick
// fixes (split `a = 1; b = 2` onto two lines, did-you-mean `receiver`) leave a clean, expected file.
/// <reference types="mocha" />
/// <reference types="vscode" />
import * as assert from 'node:assert/strict';
import type * as vscodeApi from 'vscode';
import { codeOf, helpers } from './helpers';

// `node --test out/` (the unit tests) also loads every .js under out/test/, where neither mocha's
// globals nor the 'vscode' module exist: define the suite only when mocha is loading this file.
if (typeof suite === 'function') defineSuite(require('vscode'));

const SYNTAX = 'river/syntax';
const REFERENCE = 'river/unknown-reference';

// The fixture's mistakes, exactly as written there.
const JOINED = '    source_labels = ["__meta_docker_container_name"]; target_label = "container"';
const FORWARD = '  forward_to    = [loki.write.local.reciever]';
const TYPO = 'loki.write.local.reciever';
// The rule once fixed: one statement a line, both at the rule's body indentation.
const SPLIT = '    source_labels = ["__meta_docker_container_name"]\n    target_label = "container"';

function defineSuite(vscode: typeof vscodeApi) {
  const { waitFor, stacklensDiagnostics, describeDiagnostics, quickFixFor, editsTo, apply } = helpers(vscode);

  suite('Alloy diagnostics and quick fixes', () => {
    test('a `;`-joined rule and a misspelt export are reported, fixed, and the file ends clean', async () => {
      const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'alloy', 'config.alloy');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);
      // The language the extension contributes for .alloy; a plain-text document would still be checked
      // (the client also selects **/*.alloy) but would get no grammar, snippets or language configuration.
      assert.equal(doc.languageId, 'grafana-alloy');

      // Another test may have run first, but each opens its own file and none saves: this one is as on disk.
      const original = doc.getText();
      const joinedAt = original.indexOf(JOINED);
      assert.ok(joinedAt >= 0, `fixture lost its line "${JOINED}"`);
      const semicolon = doc.positionAt(joinedAt + JOINED.indexOf(';'));
      const forwardAt = original.indexOf(FORWARD);
      assert.ok(forwardAt >= 0, `fixture lost its line "${FORWARD}"`);
      const typoAt = forwardAt + FORWARD.indexOf(TYPO);
      const typoRange = new vscode.Range(doc.positionAt(typoAt), doc.positionAt(typoAt + TYPO.length));
      const misspelt = new vscode.Range(typoRange.end.translate(0, -'reciever'.length), typoRange.end);

      // Both are reported together: the parser recovers past the `;` and the reference is still checked.
      const [syntax, reference] = await waitFor(() => `${SYNTAX} and ${REFERENCE} diagnostics (have: ${describeDiagnostics(uri)})`, () => {
        const ds = vscode.languages.getDiagnostics(uri);
        const s = ds.filter(d => codeOf(d) === SYNTAX);
        const r = ds.find(d => codeOf(d) === REFERENCE);
        return s.length && r ? [s, r] as const : undefined;
      });
      for (const d of syntax) {
        assert.equal(d.severity, vscode.DiagnosticSeverity.Error, `${SYNTAX} "${d.message}" should be an error`);
        assert.equal(d.source, 'stacklens');
        // At the `;` itself, not somewhere the parser only noticed later.
        assert.ok(d.range.start.isEqual(semicolon), `${SYNTAX} "${d.message}" at ${JSON.stringify(d.range)}, expected at the ";" ${JSON.stringify(semicolon)}`);
      }
      assert.equal(reference.severity, vscode.DiagnosticSeverity.Error);
      assert.equal(reference.source, 'stacklens');
      assert.ok(typoRange.contains(reference.range) && reference.range.contains(misspelt),
        `${REFERENCE} range ${JSON.stringify(reference.range)} should lie on "${TYPO}" and cover "reciever"`);
      assert.match(reference.message, /did you mean "receiver"/);

      // Split the statements. Its title is the server's to choose: take the fix that edits at the `;`.
      await apply(await quickFixFor(uri, syntax[0], a => editsTo(a, uri).some(e => e.range.contains(semicolon))));
      assert.equal(doc.getText(), original.replace(JOINED, SPLIT), 'the split should only break the line at the ";"');

      // The server re-analyses the edited text: wait for that before asking for the next fix, so that its
      // range is computed on the current text.
      const moved = await waitFor(() => `${SYNTAX} to go and ${REFERENCE} to stay (have: ${describeDiagnostics(uri)})`, () => {
        const ds = vscode.languages.getDiagnostics(uri);
        const r = ds.find(d => codeOf(d) === REFERENCE);
        return !ds.some(d => codeOf(d) === SYNTAX) && r && r.range.start.line === misspelt.start.line + 1 ? r : undefined;
      });
      await apply(await quickFixFor(uri, moved, a => a.title.includes('receiver')));

      const expected = original.replace(JOINED, SPLIT).replace(FORWARD, FORWARD.replace('reciever', 'receiver'));
      assert.equal(doc.getText(), expected);
      // The rule block, line by line, as a user would now read it.
      const lines = doc.getText().split('\n');
      const rule = lines.indexOf('    source_labels = ["__meta_docker_container_name"]') - 1;
      assert.deepEqual(lines.slice(rule, rule + 4), [
        '  rule {',
        '    source_labels = ["__meta_docker_container_name"]',
        '    target_label = "container"',
        '  }',
      ]);
      assert.ok(lines.includes('  forward_to    = [loki.write.local.receiver]'));

      await waitFor(() => `no stacklens diagnostics on the fixed file (have: ${describeDiagnostics(uri)})`, () =>
        stacklensDiagnostics(uri).length === 0 ? true : undefined);
    });
  });
}
