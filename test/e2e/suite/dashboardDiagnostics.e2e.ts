// The extension, end to end in a real VS Code, on a Grafana dashboard (dashboards/containers.json): the
// glob written with `=` in the Prometheus panel is flagged and its quick fix writes the regex matcher,
// escaped correctly inside the JSON string; the Loki panel, correct and full of Grafana variables
// (`$service`, `$search`, `$__range`), is never flagged.
/// <reference types="mocha" />
/// <reference types="vscode" />
import * as assert from 'node:assert/strict';
import type * as vscodeApi from 'vscode';
import { codeOf, helpers } from './helpers';

// `node --test out/` (the unit tests) also loads every .js under out/test/, where neither mocha's
// globals nor the 'vscode' module exist: define the suite only when mocha is loading this file.
if (typeof suite === 'function') defineSuite(require('vscode'));

const CODE = 'query/glob-with-equality-matcher';
// The Prometheus target's expr as it is written in the file (JSON-escaped quotes), and as parsed.
const PROM_EXPR_LINE = '"expr": "container_memory_usage_bytes{name=\\"dark_tower_ac*\\"}"';
const FIXED_EXPR = 'container_memory_usage_bytes{name=~"dark_tower_ac.*"}';
const LOKI_EXPR = 'sum by (container) (count_over_time({service=~"$service"} |= "$search" [$__range]))';

interface Target { expr: string; datasource: { type: string } }
interface Dashboard { panels: { title: string; targets: Target[] }[] }

function defineSuite(vscode: typeof vscodeApi) {
  const { waitFor, stacklensDiagnostics, describeDiagnostics, quickFixFor, apply } = helpers(vscode);

  suite('Grafana dashboard diagnostics and quick fixes', () => {
    test('a glob with `=` in a Prometheus panel is fixed to `=~`; the Loki panel stays silent', async () => {
      const uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'dashboards', 'containers.json');

      // Every stacklens diagnostic published for the file from before it is opened to the end: "the Loki
      // panel is silent" must hold at every moment, not only in the final state.
      const seen: { code: unknown; line: number; message: string }[] = [];
      const record = () => {
        for (const d of stacklensDiagnostics(uri)) seen.push({ code: codeOf(d), line: d.range.start.line, message: d.message });
      };
      const listener = vscode.languages.onDidChangeDiagnostics(e => {
        if (e.uris.some(u => u.toString() === uri.toString())) record();
      });
      try {
        const doc = await vscode.workspace.openTextDocument(uri);
        await vscode.window.showTextDocument(doc);
        // Dashboards are plain JSON to VS Code; the server tells them from other JSON by their content.
        assert.equal(doc.languageId, 'json');

        const original = doc.getText();
        const before = JSON.parse(original) as Dashboard;
        assert.equal(before.panels[1].targets[0].expr, LOKI_EXPR, 'fixture lost its Loki query');
        const promAt = original.indexOf(PROM_EXPR_LINE);
        assert.ok(promAt >= 0, `fixture lost ${PROM_EXPR_LINE}`);
        const promLine = doc.positionAt(promAt).line;
        // In the file the value's quotes are escaped: `name=\"dark_tower_ac*\"`.
        const opAt = doc.positionAt(original.indexOf('=\\"dark_tower_ac*', promAt));
        const globAt = original.indexOf('dark_tower_ac*', promAt);
        const glob = new vscode.Range(doc.positionAt(globAt), doc.positionAt(globAt + 'dark_tower_ac*'.length));

        const diag = await waitFor(() => `a ${CODE} diagnostic (have: ${describeDiagnostics(uri)})`, () =>
          vscode.languages.getDiagnostics(uri).find(d => codeOf(d) === CODE));
        record();
        assert.equal(diag.severity, vscode.DiagnosticSeverity.Warning);
        assert.equal(diag.source, 'stacklens');
        // The operator and the value together are the mistake: `=\"dark_tower_ac*\"`.
        assert.ok(diag.range.start.isEqual(opAt) && diag.range.contains(glob),
          `diagnostic range ${JSON.stringify(diag.range)} should start at the "=" ${JSON.stringify(opAt)} and cover ${JSON.stringify(glob)}`);

        await apply(await quickFixFor(uri, diag, a => a.title.includes('=~')));

        // Still JSON (the inserted quotes are escaped), and only the Prometheus expr changed.
        let after: Dashboard;
        assert.doesNotThrow(() => { after = JSON.parse(doc.getText()) as Dashboard; }, 'the fixed dashboard is not valid JSON');
        assert.equal(after!.panels[0].targets[0].expr, FIXED_EXPR);
        before.panels[0].targets[0].expr = FIXED_EXPR;
        assert.deepEqual(after!, before);

        await waitFor(() => `no stacklens diagnostics on the fixed dashboard (have: ${describeDiagnostics(uri)})`, () =>
          stacklensDiagnostics(uri).length === 0 ? true : undefined);
        record();

        const others = seen.filter(s => s.code !== CODE || s.line !== promLine);
        assert.deepEqual(others, [], `only ${CODE} on the Prometheus expr (line ${promLine + 1}) may ever be reported`);
      } finally {
        listener.dispose();
      }
    });
  });
}
