// The extension, end to end in a real VS Code: a run-once init service awaited with the short
// `depends_on: [init]` form gets a warning, and its quick fix rewrites it to the long form.
/// <reference types="mocha" />
/// <reference types="vscode" />
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type * as vscodeApi from 'vscode';

// `node --test out/` (the unit tests) also loads every .js under out/test/, where neither mocha's
// globals nor the 'vscode' module exist: define the suite only when mocha is loading this file.
if (typeof suite === 'function') defineSuite(require('vscode'));

const CODE = 'compose/depends-on-init-condition';
const EXTENSION_ID = 'stacklens.stacklens';

function defineSuite(vscode: typeof vscodeApi) {
  const folder = () => vscode.workspace.workspaceFolders?.[0];

  /** Polls until `pick` returns something (diagnostics arrive asynchronously from the language server). */
  async function waitFor<T>(what: () => string, pick: () => T | undefined | Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const v = await pick();
      if (v !== undefined) return v;
      if (Date.now() > end) {
        const ext = vscode.extensions.getExtension(EXTENSION_ID);
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what()} ` +
          `(extension ${EXTENSION_ID}: ${ext ? (ext.isActive ? 'active' : 'not active') : 'not found'})`);
      }
      await new Promise(r => setTimeout(r, 100));
    }
  }

  const describeDiagnostics = (uri: vscodeApi.Uri) =>
    JSON.stringify(vscode.languages.getDiagnostics(uri).map(d => ({ code: d.code, line: d.range.start.line, message: d.message })));
  const codeOf = (d: vscodeApi.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

  suite('compose depends_on on a run-once init service', () => {
    test('the workspace is the e2e fixture folder', () => {
      // Guards the harness: a wrong folder would make every check below fail for the wrong reason.
      assert.equal(vscode.workspace.workspaceFolders?.length, 1);
      assert.equal(path.basename(folder()!.uri.fsPath), 'e2e-workspace');
    });

    test('warns on `init` and the quick fix waits for service_completed_successfully', async () => {
      const uri = vscode.Uri.joinPath(folder()!.uri, 'docker-compose.yml');
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc);   // also makes the final screenshot show the file
      const original = doc.getText();

      // Where `init` sits in `depends_on: [init]`.
      const shortForm = '    depends_on: [init]';
      const at = original.indexOf(shortForm);
      assert.ok(at >= 0, `fixture lost its "${shortForm}" line`);
      const initStart = doc.positionAt(at + shortForm.indexOf('init'));
      const initRange = new vscode.Range(initStart, initStart.translate(0, 'init'.length));

      const diag = await waitFor(() => `a ${CODE} diagnostic (have: ${describeDiagnostics(uri)})`, () =>
        vscode.languages.getDiagnostics(uri).find(d => codeOf(d) === CODE));
      assert.equal(diag.severity, vscode.DiagnosticSeverity.Warning);
      assert.equal(diag.source, 'stacklens');
      assert.ok(diag.range.contains(initRange) && diag.range.start.line === initRange.start.line,
        `diagnostic range ${JSON.stringify(diag.range)} should cover "init" at ${JSON.stringify(initRange)}`);

      // The server answers from its last analysis, which can briefly lag the diagnostic VS Code already
      // shows (seen: an empty answer right after the warning appeared): ask again for a few seconds, as a
      // user hovering the squiggle would, and say so when it was needed.
      let offered: string[] = [];
      const asked = Date.now();
      const fix = await waitFor(() => `a quick fix mentioning service_completed_successfully (offered: ${JSON.stringify(offered)})`, async () => {
        // itemResolveCount: also resolves actions whose edit the server computes lazily (codeAction/resolve).
        const actions = await vscode.commands.executeCommand<(vscodeApi.CodeAction | vscodeApi.Command)[]>(
          'vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value, 50);
        offered = actions.map(a => a.title);
        return actions.find(a => a.title.includes('service_completed_successfully'));
      }, 5_000);
      if (Date.now() - asked > 500) console.log(`    (quick fix was offered only ${Date.now() - asked} ms after the warning appeared)`);
      assert.ok('edit' in fix && fix.edit, `quick fix "${fix.title}" has no edit`);
      assert.ok(await vscode.workspace.applyEdit(fix.edit), 'applyEdit refused the quick fix');

      // Exactly the short form turned into the long one, indentation kept, nothing else touched.
      // (run.js opens a copy of the fixture folder, so a save could not change the repository's.)
      const longForm = '    depends_on:\n      init:\n        condition: service_completed_successfully';
      assert.equal(doc.getText(), original.replace(shortForm, longForm));

      await waitFor(() => `the ${CODE} diagnostic to go away (have: ${describeDiagnostics(uri)})`, () =>
        vscode.languages.getDiagnostics(uri).some(d => codeOf(d) === CODE) ? undefined : true);
    });
  });
}
