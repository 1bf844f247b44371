// Dashboard bench: a generated 2 MB Grafana dashboard through the real StackLens server over stdio.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureDocument } from './lib/stacklensDocument.mjs';
import { generateDashboard } from './generators/dashboard.mjs';

export const description = '2 MB Grafana dashboard: open/edit-to-diagnostics p50/p95 through the StackLens server';

export const TARGETS = { openP95Ms: 100 };

export async function run({ log = (s) => process.stderr.write(s + '\n') } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-bench-dashboard-'));
  try {
    const { variantA, variantB } = generateDashboard();
    const file = path.join(dir, 'services.json');
    fs.writeFileSync(file, variantA);
    const queries = (variantA.match(/"expr":/g) ?? []).length;
    log(`dashboard: ${Buffer.byteLength(variantA)} bytes, ${queries} queries in ${dir}`);
    const result = await measureDocument({ name: 'dashboard', dir, file, variants: { a: variantA, b: variantB }, languageId: 'json', opens: 20, edits: 20 });
    log(`  open p50 ${result.openToDiagnostics.p50} ms, p95 ${result.openToDiagnostics.p95} ms; edit p50 ${result.editToDiagnostics.p50} ms, p95 ${result.editToDiagnostics.p95} ms`);
    // The worst case, for the record: no two queries of the same shape, so no parse is shared.
    const unique = generateDashboard(undefined, { uniqueShapes: true });
    fs.writeFileSync(file, unique.variantA);
    const worst = await measureDocument({ name: 'dashboard (unique shapes)', dir, file, variants: { a: unique.variantA, b: unique.variantB }, languageId: 'json', opens: 10, edits: 10 });
    log(`  every query a different shape: open p50 ${worst.openToDiagnostics.p50} ms, p95 ${worst.openToDiagnostics.p95} ms; edit p50 ${worst.editToDiagnostics.p50} ms`);
    return {
      dashboard: { bytes: Buffer.byteLength(variantA), queries, queryShapes: 24, diagnostics: result.diagnostics },
      ...result,
      uniqueShapes: { openToDiagnostics: worst.openToDiagnostics, editToDiagnostics: worst.editToDiagnostics },
      targets: TARGETS,
      met: { openP95: result.openToDiagnostics.p95 <= TARGETS.openP95Ms },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
