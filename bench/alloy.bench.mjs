// Alloy bench: a generated 5,000-line Alloy configuration through the real StackLens server over stdio.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { measureDocument } from './lib/stacklensDocument.mjs';
import { generateAlloyConfig } from './generators/alloy.mjs';

export const description = '5,000-line Alloy configuration: open/edit-to-diagnostics p50/p95 through the StackLens server';

const LINES = 5000;
export const TARGETS = { openP95Ms: 50 };

export async function run({ log = (s) => process.stderr.write(s + '\n') } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-bench-alloy-'));
  try {
    const config = generateAlloyConfig(LINES);
    const file = path.join(dir, 'config.alloy');
    fs.writeFileSync(file, config.variantA);
    const lines = config.variantA.split('\n').length - 1;
    log(`alloy: ${lines} lines, ${config.pipelines} pipelines in ${dir}`);
    const result = await measureDocument({ name: 'alloy', dir, file, variants: { a: config.variantA, b: config.variantB }, languageId: 'grafana-alloy' });
    log(`  open p50 ${result.openToDiagnostics.p50} ms, p95 ${result.openToDiagnostics.p95} ms; edit p50 ${result.editToDiagnostics.p50} ms, p95 ${result.editToDiagnostics.p95} ms`);
    return {
      config: { lines, bytes: Buffer.byteLength(config.variantA), pipelines: config.pipelines, diagnostics: result.diagnostics },
      ...result,
      targets: TARGETS,
      met: { openP95: result.openToDiagnostics.p95 <= TARGETS.openP95Ms },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
