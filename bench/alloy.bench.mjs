// Alloy bench: a generated 5,000-line Alloy configuration through the real StackLens server over
// stdio. Measures open-to-diagnostics (a fresh server per sample) and edit-to-diagnostics (full-text
// didChange alternating two variants whose diagnostics differ).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspServer, sleep } from './lib/lsp.mjs';
import { summarize } from './lib/stats.mjs';
import { generateAlloyConfig } from './generators/alloy.mjs';

export const description = '5,000-line Alloy configuration: open/edit-to-diagnostics p50/p95 through the StackLens server';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LINES = 5000;
const QUICK = process.env.BENCH_QUICK === '1'; // 3 samples, for working on the bench
const OPENS = QUICK ? 3 : 20;
const EDITS = QUICK ? 3 : 50;
const SETTLE_MS = 300;
const EDIT_GAP_MS = 20;

export const TARGETS = { openP95Ms: 50 };

async function startServer(dir) {
  const server = new LspServer('StackLens', process.execPath, [path.join(REPO, 'bin', 'stacklens'), 'lsp', '--stdio'], {
    cwd: dir,
    configuration: (item) => (item.section === 'stacklens' ? { stacks: [] } : {}),
  });
  await server.initialize(dir);
  await sleep(SETTLE_MS);
  if (server.failure) throw server.failure;
  return server;
}

async function measureOpens(dir, file, text) {
  const times = [];
  const counts = new Set();
  for (let i = 0; i < OPENS; i++) {
    const server = await startServer(dir);
    try {
      const published = server.nextDiagnostics(pathToFileURL(file).toString());
      const { sentAt } = server.open(file, text, 'grafana-alloy');
      const { at, diagnostics } = await published;
      times.push(at - sentAt);
      counts.add(diagnostics.length);
    } finally {
      await server.stop();
    }
  }
  return { times, counts: [...counts] };
}

async function measureEdits(dir, file, variants) {
  const server = await startServer(dir);
  const times = [];
  const counts = { a: new Set(), b: new Set() };
  try {
    const uri = pathToFileURL(file).toString();
    const opened = server.nextDiagnostics(uri);
    server.open(file, variants.a, 'grafana-alloy');
    counts.a.add((await opened).diagnostics.length);
    await sleep(SETTLE_MS);
    for (let i = 0; i < EDITS; i++) {
      const variant = i % 2 === 0 ? 'b' : 'a';
      const published = server.nextDiagnostics(uri);
      const sentAt = server.change(uri, i + 2, variants[variant]);
      const { at, diagnostics } = await published;
      times.push(at - sentAt);
      counts[variant].add(diagnostics.length);
      await sleep(EDIT_GAP_MS);
    }
    return { times, peakRssMB: server.peakRssMB() ?? null, counts: { a: [...counts.a], b: [...counts.b] } };
  } finally {
    await server.stop();
  }
}

export async function run({ log = (s) => process.stderr.write(s + '\n') } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-bench-alloy-'));
  try {
    const config = generateAlloyConfig(LINES);
    const file = path.join(dir, 'config.alloy');
    fs.writeFileSync(file, config.variantA);
    const lines = config.variantA.split('\n').length - 1;
    log(`alloy: ${lines} lines, ${config.pipelines} pipelines in ${dir}`);
    const opens = await measureOpens(dir, file, config.variantA);
    const edits = await measureEdits(dir, file, { a: config.variantA, b: config.variantB });
    // The same text must always give the same diagnostics, or we timed the wrong publication.
    if (opens.counts.length !== 1 || edits.counts.a.length !== 1 || edits.counts.b.length !== 1 || edits.counts.a[0] === edits.counts.b[0]) {
      throw new Error(`alloy: diagnostics counts were not stable per variant (open ${opens.counts}, a ${edits.counts.a}, b ${edits.counts.b})`);
    }
    const openToDiagnostics = summarize(opens.times);
    const editToDiagnostics = summarize(edits.times);
    log(`  open p50 ${openToDiagnostics.p50} ms, p95 ${openToDiagnostics.p95} ms; edit p50 ${editToDiagnostics.p50} ms, p95 ${editToDiagnostics.p95} ms`);
    return {
      config: { lines, bytes: Buffer.byteLength(config.variantA), pipelines: config.pipelines, diagnostics: { variantA: edits.counts.a[0], variantB: edits.counts.b[0] } },
      openToDiagnostics,
      editToDiagnostics,
      peakRssMB: edits.peakRssMB,
      targets: TARGETS,
      met: { openP95: openToDiagnostics.p95 <= TARGETS.openP95Ms },
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
