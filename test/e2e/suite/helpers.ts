// Shared by the *.e2e.ts files: polling for what the language server publishes, and fetching its quick
// fixes. Takes the `vscode` module as an argument and imports only its types, so that `node --test out/`
// (which loads every .js under out/test/, without 'vscode') can load this file harmlessly.
import type * as vscodeApi from 'vscode';

export const EXTENSION_ID = 'stacklens.stacklens';

export const codeOf = (d: vscodeApi.Diagnostic) => (typeof d.code === 'object' ? d.code.value : d.code);

export function helpers(vscode: typeof vscodeApi) {
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

  const stacklensDiagnostics = (uri: vscodeApi.Uri) =>
    vscode.languages.getDiagnostics(uri).filter(d => d.source === 'stacklens');

  const describeDiagnostics = (uri: vscodeApi.Uri) =>
    JSON.stringify(vscode.languages.getDiagnostics(uri).map(d => ({
      code: codeOf(d), source: d.source, line: d.range.start.line, character: d.range.start.character, message: d.message,
    })));

  /**
   * The quick fix offered at `diag` that `accept` picks. Asks again for a few seconds: the server answers
   * from its last analysis, which can briefly lag the diagnostic VS Code already shows; and VS Code cancels
   * a code action request (error "Canceled") when the document or editor changes under it.
   */
  async function quickFixFor(uri: vscodeApi.Uri, diag: vscodeApi.Diagnostic, accept: (a: vscodeApi.CodeAction) => boolean): Promise<vscodeApi.CodeAction> {
    let offered: string[] = [];
    let canceled = 0;
    return waitFor(() => `a quick fix for ${codeOf(diag)} "${diag.message}" ` +
      `(offered: ${JSON.stringify(offered)}${canceled ? `; ${canceled} request(s) canceled` : ''})`, async () => {
      let actions: (vscodeApi.CodeAction | vscodeApi.Command)[];
      try {
        // itemResolveCount: also resolves actions whose edit the server computes lazily (codeAction/resolve).
        actions = await vscode.commands.executeCommand<(vscodeApi.CodeAction | vscodeApi.Command)[]>(
          'vscode.executeCodeActionProvider', uri, diag.range, vscode.CodeActionKind.QuickFix.value, 50);
      } catch (e) {
        if (e instanceof Error && e.message === 'Canceled') { canceled++; return undefined; }
        throw e;
      }
      offered = actions.map(a => a.title);
      // The actions VS Code hands back do not carry the server's `diagnostics`: pick by edit and title.
      return actions.find((a): a is vscodeApi.CodeAction => 'edit' in a && !!a.edit && accept(a));
    }, 5_000);
  }

  /** The edits a code action makes to `uri`. */
  const editsTo = (a: vscodeApi.CodeAction, uri: vscodeApi.Uri) => a.edit?.get(uri) ?? [];

  /** Applies a quick fix's edit; the caller then checks the text. */
  async function apply(fix: vscodeApi.CodeAction): Promise<void> {
    if (!fix.edit) throw new Error(`quick fix "${fix.title}" has no edit`);
    if (!(await vscode.workspace.applyEdit(fix.edit))) throw new Error(`applyEdit refused the quick fix "${fix.title}"`);
  }

  return { waitFor, stacklensDiagnostics, describeDiagnostics, quickFixFor, editsTo, apply };
}
