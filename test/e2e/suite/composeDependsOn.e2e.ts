// The extension, end to end in a real VS Code: a run-once init service awaited with the short
// `depends_on: [init]` form gets a warning, and its quick fix rewrites it to the long form.
/// <reference types="mocha" />
/// <reference types="vscode" />
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type * as vscodeApi from 'vscode';
import { codeOf, helpers } from './helpers';

// `node --test out/` (the unit tests) also loads every .js under out/test/, where neither mocha's
// globals nor the 'vscode' module exist: define the suite only when mocha is loading this file.
if (typeof suite === 'function') defineSuite(require('vscode'));

const CODE = 'compose/depends-on-init-condition';

function defineSuite(vscode: typeof vscodeApi) {
  const folder = () => vscode.workspace.workspaceFolders?.[0];
  const { waitFor, describeDiagnostics, quickFixFor, apply } = helpers(vscode);

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

      const fix = await quickFixFor(uri, diag, (a) => a.title.includes('service_completed_successfully'));
      await apply(fix);

      // Exactly the short form turned into the long one, indentation kept, nothing else touched.
      // (run.js opens a copy of the fixture folder, so a save could not change the repository's.)
      const longForm = '    depends_on:\n      init:\n        condition: service_completed_successfully';
      assert.equal(doc.getText(), original.replace(shortForm, longForm));

      await waitFor(() => `the ${CODE} diagnostic to go away (have: ${describeDiagnostics(uri)})`, () =>
        vscode.languages.getDiagnostics(uri).some(d => codeOf(d) === CODE) ? undefined : true);
    });
  });
}
