// Compose bench: a generated 500-service stack with its .env, through three real language servers
// over stdio — StackLens, yaml-language-server (with the compose-spec schema) and Microsoft's
// compose-language-service. Measures open-to-diagnostics (a fresh server per sample), edit-to-diagnostics
// (full-text didChange alternating two variants whose diagnostics differ) and the peak RSS (VmHWM).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { LspServer, shebangNodeArgs, sleep } from './lib/lsp.mjs';
import { summarize } from './lib/stats.mjs';
import { generateComposeStack } from './generators/compose.mjs';

export const description = '500-service compose stack with .env: open/edit-to-diagnostics p50/p95 and peak RSS, StackLens vs yaml-language-server vs compose-language-service';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const NODE_MODULES = path.join(REPO, 'node_modules');
const SERVICES = 500;
// For working on the bench or profiling a server (not for reported numbers):
// BENCH_QUICK=1 takes 3 samples; BENCH_SERVERS=stacklens,yamlLanguageServer runs only those;
// BENCH_CPU_PROF=DIR starts every server with `--cpu-prof --cpu-prof-dir=DIR` (lib/lsp.mjs).
const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_SERVERS?.split(',').filter(Boolean);
const SETTLE_MS = 300; // quiet time after initialize (settings pulled) and after the first diagnostics
const EDIT_GAP_MS = 20; // between an edit's diagnostics and the next edit

export const TARGETS = { p95Ms: 30, ratioToYamlLs: 0.1, rssMB: 80 };

const COMPOSE_SCHEMA = path.join(NODE_MODULES, 'dclint', 'schemas', 'compose.schema.json');

function yamlLsConfiguration(item) {
  switch (item.section) {
    case 'yaml':
      return {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemaStore: { enable: false }, // offline here; the schema is mapped explicitly below
        schemas: { [pathToFileURL(COMPOSE_SCHEMA).toString()]: ['docker-compose.yml', 'compose.yaml', '**/docker-compose.yml'] },
      };
    case 'http':
      return { proxy: '', proxyStrictSSL: false };
    default:
      return {}; // [yaml], editor, [dockercompose]
  }
}

function serverConfigs() {
  const full = (n) => (QUICK ? Math.min(n, 3) : n);
  return [
    {
      key: 'stacklens',
      label: 'StackLens',
      script: path.join(REPO, 'bin', 'stacklens'), // run as its shebang says, with this node
      args: ['lsp', '--stdio'],
      languageId: 'dockercompose',
      opens: full(10),
      edits: full(50),
      builtInDelayMs: 0,
      configuration: (item) => (item.section === 'stacklens' ? { stacks: [] } : {}),
    },
    {
      key: 'yamlLanguageServer',
      label: 'yaml-language-server',
      script: path.join(NODE_MODULES, 'yaml-language-server', 'bin', 'yaml-language-server'),
      args: ['--stdio'],
      languageId: 'yaml',
      opens: full(5),
      edits: full(30), // about 1 s each
      builtInDelayMs: 200, // validationDelayMs, not configurable
      waitForConfiguration: true,
      configuration: yamlLsConfiguration,
      schemaCheck: /restrat/, // the compose-spec schema must reject the misspelt key
    },
    {
      key: 'composeLanguageService',
      label: 'compose-language-service',
      script: path.join(NODE_MODULES, '@microsoft', 'compose-language-service', 'bin', 'docker-compose-langserver'),
      args: ['--stdio'],
      languageId: 'dockercompose',
      opens: full(3),
      edits: full(10), // each waits out the 1 s debounce
      builtInDelayMs: 1000, // default diagnosticDelay
      note: 'reports YAML syntax errors only (its schema validation is not implemented), after a 1,000 ms debounce by default',
    },
    {
      key: 'composeLanguageService',
      variant: 'withoutDebounce',
      label: 'compose-language-service (diagnosticDelay 0)',
      script: path.join(NODE_MODULES, '@microsoft', 'compose-language-service', 'bin', 'docker-compose-langserver'),
      args: ['--stdio'],
      languageId: 'dockercompose',
      opens: full(3),
      edits: full(30),
      builtInDelayMs: 0,
      initializationOptions: { diagnosticDelay: 0 },
    },
  ];
}

/** What identifies a set of diagnostics: code, position and message of each. */
function signature(diagnostics) {
  return JSON.stringify(diagnostics.map((d) => [d.code ?? null, d.range.start.line, d.range.start.character, d.message]).sort());
}

async function startServer(config, dir) {
  // Every server runs on the node running the bench, so the process we sample is the server itself.
  const server = new LspServer(config.label, process.execPath, shebangNodeArgs(config.script, config.args), { configuration: config.configuration, cwd: dir });
  await server.initialize(dir, config.initializationOptions ?? {});
  if (config.waitForConfiguration) {
    const until = Date.now() + 10_000;
    while (server.configurationRequests === 0) {
      if (server.failure) throw server.failure;
      if (Date.now() > until) throw new Error(`${config.label}: never asked for its settings (workspace/configuration)`);
      await sleep(10);
    }
  }
  await sleep(SETTLE_MS);
  if (server.failure) throw server.failure;
  return server;
}

/** Open-to-diagnostics on a fresh server per sample. */
async function measureOpens(config, dir, file, text, log) {
  const times = [];
  let peak = 0;
  let counts = new Set();
  let firstDiagnostics;
  for (let i = 0; i < config.opens; i++) {
    const server = await startServer(config, dir);
    try {
      const uri = pathToFileURL(file).toString();
      const published = server.nextDiagnostics(uri);
      const { sentAt } = server.open(file, text, config.languageId);
      const { at, diagnostics } = await published;
      times.push(at - sentAt);
      counts.add(diagnostics.length);
      firstDiagnostics ??= diagnostics;
      peak = Math.max(peak, server.peakRssMB() ?? 0);
    } finally {
      await server.stop();
    }
  }
  log(`  ${config.label}: open ${times.map((t) => t.toFixed(0)).join(' ')} ms`);
  return { times, peak, counts: [...counts], firstDiagnostics };
}

/** Edit-to-diagnostics on one server: full-text edits alternating variant b and a. */
async function measureEdits(config, dir, file, variants, log) {
  const server = await startServer(config, dir);
  const times = [];
  const countsByVariant = { a: new Set(), b: new Set() };
  const signaturesByVariant = { a: new Set(), b: new Set() };
  const messages = { a: [], b: [] };
  try {
    const processName = server.processName();
    const uri = pathToFileURL(file).toString();
    const opened = server.nextDiagnostics(uri);
    server.open(file, variants.a, config.languageId);
    const first = await opened;
    countsByVariant.a.add(first.diagnostics.length);
    signaturesByVariant.a.add(signature(first.diagnostics));
    messages.a = first.diagnostics.map((d) => d.message);
    await sleep(SETTLE_MS);
    for (let i = 0; i < config.edits; i++) {
      const variant = i % 2 === 0 ? 'b' : 'a';
      const version = i + 2;
      const published = server.nextDiagnostics(uri);
      const sentAt = server.change(uri, version, variants[variant]);
      const { at, diagnostics } = await published;
      times.push(at - sentAt);
      countsByVariant[variant].add(diagnostics.length);
      signaturesByVariant[variant].add(signature(diagnostics));
      if (i === 0) messages.b = diagnostics.map((d) => d.message);
      await sleep(EDIT_GAP_MS);
    }
    const peak = server.peakRssMB();
    log(`  ${config.label}: edit p50 ${summarize(times).p50} ms, p95 ${summarize(times).p95} ms, peak RSS ${peak} MB (${processName})`);
    return {
      times,
      peak,
      processName,
      countsByVariant: { a: [...countsByVariant.a], b: [...countsByVariant.b] },
      signaturesByVariant: { a: [...signaturesByVariant.a], b: [...signaturesByVariant.b] },
      messages,
    };
  } finally {
    await server.stop();
  }
}

async function measureServer(config, dir, file, variants, log) {
  const opens = await measureOpens(config, dir, file, variants.a, log);
  const edits = await measureEdits(config, dir, file, variants, log);
  const { a, b } = edits.countsByVariant;
  const sig = edits.signaturesByVariant;
  // The same text must always give the same diagnostics, or we timed the wrong publication.
  if (sig.a.length !== 1 || sig.b.length !== 1) throw new Error(`${config.label}: diagnostics for the same text varied (counts for variant a: ${a}, variant b: ${b}); a publication was mismatched`);
  if (config.schemaCheck && !edits.messages.a.some((m) => config.schemaCheck.test(m))) {
    throw new Error(`${config.label}: did not validate against the compose-spec schema (no diagnostic for the misspelt key); diagnostics: ${JSON.stringify(edits.messages.a.slice(0, 5))}`);
  }
  const result = {
    openToDiagnostics: summarize(opens.times),
    editToDiagnostics: summarize(edits.times),
    peakRssMB: Math.max(opens.peak, edits.peak ?? 0) || null,
    builtInDelayMs: config.builtInDelayMs,
    diagnostics: { variantA: a[0], variantB: b[0], changeBetweenVariants: sig.a[0] !== sig.b[0] },
  };
  if (config.schemaCheck) result.validatesComposeSchema = true;
  if (config.note) result.note = config.note;
  return result;
}

export async function run({ log = (s) => process.stderr.write(s + '\n') } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-bench-compose-'));
  try {
    const stack = generateComposeStack(SERVICES);
    const file = path.join(dir, 'docker-compose.yml');
    fs.writeFileSync(file, stack.variantA);
    fs.writeFileSync(path.join(dir, '.env'), stack.envText);
    const stackInfo = {
      services: SERVICES,
      composeLines: stack.variantA.split('\n').length - 1,
      composeBytes: Buffer.byteLength(stack.variantA),
      envLines: stack.envText.split('\n').length - 1,
      edit: `full-text didChange alternating two variants (${stack.toggleService}: depends_on condition service_healthy/service_started, restart/restarts)`,
    };
    log(`compose: ${stackInfo.composeLines} lines, ${stackInfo.envLines} .env lines in ${dir}`);
    const variants = { a: stack.variantA, b: stack.variantB };
    const results = {};
    for (const config of serverConfigs().filter((c) => !ONLY || ONLY.includes(c.key))) {
      const measured = await measureServer(config, dir, file, variants, log);
      if (config.variant) (results[config.key] ??= {})[config.variant] = measured;
      else results[config.key] = { ...measured, ...results[config.key] };
    }
    const sl = results.stacklens;
    const yl = results.yamlLanguageServer;
    if (!sl || !yl) return { stack: stackInfo, ...results, partial: 'BENCH_SERVERS: no comparison' };
    const ratio = (x, y) => (x !== undefined && y ? Math.round((x / y) * 1000) / 1000 : null);
    const ratios = {
      editP95ToYamlLs: ratio(sl.editToDiagnostics.p95, yl.editToDiagnostics.p95),
      openP95ToYamlLs: ratio(sl.openToDiagnostics.p95, yl.openToDiagnostics.p95),
    };
    const met = {
      editP95: sl.editToDiagnostics.p95 <= TARGETS.p95Ms,
      ratioToYamlLs: ratios.editP95ToYamlLs !== null && ratios.editP95ToYamlLs <= TARGETS.ratioToYamlLs,
      rss: sl.peakRssMB !== null && sl.peakRssMB <= TARGETS.rssMB,
    };
    met.all = met.editP95 && met.ratioToYamlLs && met.rss;
    return {
      stack: stackInfo,
      stacklens: sl,
      yamlLanguageServer: yl,
      composeLanguageService: results.composeLanguageService,
      targets: { ...TARGETS, appliesTo: 'StackLens edit-to-diagnostics p95 and peak RSS' },
      ratios,
      met,
    };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
