// One generated document through the real StackLens server over stdio: open-to-diagnostics with a
// fresh server per sample, and edit-to-diagnostics with full-text didChange edits alternating two
// variants whose diagnostics differ (so every edit must publish something new).
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspServer, shebangNodeArgs, sleep } from './lsp.mjs';
import { summarize } from './stats.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const QUICK = process.env.BENCH_QUICK === '1'; // 3 samples, for working on a bench
const SETTLE_MS = 300;
const EDIT_GAP_MS = 20;

async function startServer(dir) {
  const server = new LspServer('StackLens', process.execPath, shebangNodeArgs(path.join(REPO, 'bin', 'stacklens'), ['lsp', '--stdio']), {
    cwd: dir,
    configuration: (item) => (item.section === 'stacklens' ? { stacks: [] } : {}),
  });
  await server.initialize(dir);
  await sleep(SETTLE_MS);
  if (server.failure) throw server.failure;
  return server;
}

async function measureOpens(dir, file, text, languageId, samples) {
  const times = [];
  const counts = new Set();
  for (let i = 0; i < samples; i++) {
    const server = await startServer(dir);
    try {
      const published = server.nextDiagnostics(pathToFileURL(file).toString());
      const { sentAt } = server.open(file, text, languageId);
      const { at, diagnostics } = await published;
      times.push(at - sentAt);
      counts.add(diagnostics.length);
    } finally {
      await server.stop();
    }
  }
  return { times, counts: [...counts] };
}

async function measureEdits(dir, file, variants, languageId, samples) {
  const server = await startServer(dir);
  const times = [];
  const counts = { a: new Set(), b: new Set() };
  try {
    const uri = pathToFileURL(file).toString();
    const opened = server.nextDiagnostics(uri);
    server.open(file, variants.a, languageId);
    counts.a.add((await opened).diagnostics.length);
    await sleep(SETTLE_MS);
    for (let i = 0; i < samples; i++) {
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

/**
 * Measures `file` (written by the caller in `dir`) with its two variants. Throws when the same text
 * did not always give the same diagnostics: then the wrong publication was timed.
 */
export async function measureDocument({ name, dir, file, variants, languageId, opens = 20, edits = 50 }) {
  const openRun = await measureOpens(dir, file, variants.a, languageId, QUICK ? 3 : opens);
  const editRun = await measureEdits(dir, file, variants, languageId, QUICK ? 3 : edits);
  if (openRun.counts.length !== 1 || editRun.counts.a.length !== 1 || editRun.counts.b.length !== 1 || editRun.counts.a[0] === editRun.counts.b[0]) {
    throw new Error(`${name}: diagnostics counts were not stable per variant (open ${openRun.counts}, a ${editRun.counts.a}, b ${editRun.counts.b})`);
  }
  return {
    openToDiagnostics: summarize(openRun.times),
    editToDiagnostics: summarize(editRun.times),
    peakRssMB: editRun.peakRssMB,
    diagnostics: { variantA: editRun.counts.a[0], variantB: editRun.counts.b[0] },
  };
}
