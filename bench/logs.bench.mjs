// Logs bench: the Loki log view's core (LogStream → LogBuffer) following a Loki stand-in that ingests
// at fixed rates. The stand-in and its line generator run in a child process, so the event-loop delay
// measured here is the client's alone. Reports, per rate: lines delivered, end-to-end latency (line
// timestamp → batch handed to the view), event-loop delay, batches; and level detection throughput.
import { fork } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { summarize, percentile } from './lib/stats.mjs';

export const description = 'Loki log view core: lines/s sustained through tail → buffer → batches, latency, event-loop delay; level detection lines/s';

const SELF = fileURLToPath(import.meta.url);
const REPO = path.resolve(path.dirname(SELF), '..');
const BUNDLE = path.join(REPO, 'out', 'bench', 'logs-core.mjs');
const QUICK = process.env.BENCH_QUICK === '1';
const RATES = QUICK ? [5_000] : [5_000, 20_000, 50_000];
const SECONDS = QUICK ? 2 : 4;
const PODS = 5;
const TICK_MS = 20;

/** The TypeScript under test (client/src/logs and the stand-in), bundled as it is now. */
async function bundle() {
  await esbuild.build({
    stdin: {
      contents: [
        "export { LokiClient } from './client/src/logs/lokiClient';",
        "export { LogStream } from './client/src/logs/logStream';",
        "export { LogBuffer } from './client/src/logs/logBuffer';",
        "export { detectLevel } from './client/src/logs/logLine';",
        "export { LokiStandIn } from './test/support/lokiStandIn';",
      ].join('\n'),
      resolveDir: REPO,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'esm',
    outfile: BUNDLE,
    external: ['ws', 'dockerode'],
    logLevel: 'warning',
  });
  return import(pathToFileURL(BUNDLE).toString() + `?t=${Date.now()}`);
}

// ---- child: the stand-in and the generator ----

async function child() {
  const { LokiStandIn } = await import(pathToFileURL(BUNDLE).toString());
  const loki = new LokiStandIn({ tenancy: 'single' });
  await loki.start();
  process.send({ url: loki.url });
  process.on('message', async ({ rate, seconds, app }) => {
    let last = 0n;
    const nextNs = () => {
      const now = BigInt(Date.now() - 1) * 1_000_000n;
      return (last = now > last ? now : last + 1n);
    };
    const perTick = Math.round((rate * TICK_MS) / 1000 / PODS);
    const ticks = Math.round((seconds * 1000) / TICK_MS);
    const t0 = Date.now();
    for (let tick = 0; tick < ticks; tick++) {
      loki.push('fake', Array.from({ length: PODS }, (_, p) => ({
        stream: { app, pod: `p${p}` },
        values: Array.from({ length: perTick }, (_, i) => [`${nextNs()}`, `ts=${Date.now()} level=${i % 10 === 0 ? 'error' : 'info'} pod=p${p} seq=${tick * perTick + i} msg="request served" path=/api/items/${i}`]),
      })));
      await new Promise((r) => setTimeout(r, Math.max(0, t0 + (tick + 1) * TICK_MS - Date.now())));
    }
    process.send({ sent: ticks * perTick * PODS, seconds: (Date.now() - t0) / 1000 });
  });
  process.on('disconnect', () => loki.stop().then(() => process.exit(0)));
}

// ---- parent: the client under measurement ----

function request(proc, message) {
  return new Promise((resolve) => {
    proc.once('message', resolve);
    if (message) proc.send(message);
  });
}

async function measureRate(core, url, proc, rate) {
  const app = `load${rate}`;
  const batches = [];
  const latencies = []; // line timestamp → batch: includes Loki's (the stand-in's) tailer
  const viewLatencies = []; // line received from the WebSocket → batch: the client alone
  let firstPendingAt;
  const buffer = new core.LogBuffer({
    onBatch: (b) => {
      const at = Date.now();
      batches.push({ at, size: b.entries.length });
      viewLatencies.push(at - firstPendingAt);
      firstPendingAt = undefined;
      for (let i = 0; i < b.entries.length; i += 50) latencies.push(at - Number(b.entries[i].ns / 1_000_000n));
    },
  });
  let delivered = 0;
  const stream = new core.LogStream(new core.LokiClient({ url }), { query: `{app="${app}"}` }, {
    onEntries: (e) => {
      firstPendingAt ??= Date.now();
      delivered += e.length;
      buffer.add(e);
    },
  });
  await stream.start();
  await new Promise((r) => setTimeout(r, 100));
  const delay = monitorEventLoopDelay({ resolution: 5 });
  const cpu0 = process.cpuUsage();
  delay.enable();
  const { sent, seconds } = await request(proc, { rate, seconds: SECONDS, app });
  const deadline = Date.now() + 5_000;
  while (delivered < sent && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  await new Promise((r) => setTimeout(r, 150)); // the last batch, on its own schedule
  delay.disable();
  const cpu = process.cpuUsage(cpu0);
  stream.stop();
  buffer.dispose();
  const gaps = batches.slice(1).map((b, i) => b.at - batches[i].at);
  return {
    targetLinesPerSecond: rate,
    pushedLinesPerSecond: Math.round(sent / seconds),
    sent,
    delivered,
    complete: delivered === sent,
    latencyMs: summarize(latencies),
    receivedToBatchMs: summarize(viewLatencies),
    eventLoopDelayMs: {
      p50: Math.round(delay.percentile(50) / 1e4) / 100,
      p99: Math.round(delay.percentile(99) / 1e4) / 100,
      max: Math.round(delay.max / 1e4) / 100,
    },
    batches: { count: batches.length, maxLines: Math.max(...batches.map((b) => b.size)), minGapMs: Math.min(...gaps), p50GapMs: percentile(gaps, 50) },
    clientCpuPercent: Math.round(((cpu.user + cpu.system) / 1e3 / (seconds * 1000)) * 100),
  };
}

function levelThroughput(core) {
  const lines = [
    'ts=2024-05-01T10:00:00Z level=error msg="db down" err="connection refused"',
    '{"level":"warn","ts":"2024-05-01T10:00:00Z","msg":"disk 91%","path":"/var/lib"}',
    '[INFO] server started on :8080',
    '2024/05/01 10:00:00 ERROR could not bind',
    'GET /healthz 200 3ms "curl/8.0"',
  ];
  const n = 500_000;
  const t0 = performance.now();
  let count = 0;
  for (let i = 0; i < n; i++) if (core.detectLevel(lines[i % lines.length]) !== 'unknown') count++;
  const ms = performance.now() - t0;
  return { lines: n, linesPerSecond: Math.round(n / (ms / 1000)), withLevel: count };
}

export async function run({ log }) {
  const core = await bundle();
  const proc = fork(SELF, ['--loki-child'], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  try {
    const { url } = await request(proc);
    const rates = [];
    for (const rate of RATES) {
      log(`logs: following at ${rate} lines/s for ${SECONDS} s`);
      rates.push(await measureRate(core, url, proc, rate));
    }
    const sustained = rates.filter((r) => r.complete && r.eventLoopDelayMs.p99 < 100 && r.receivedToBatchMs.p95 < 200).map((r) => r.pushedLinesPerSecond);
    return {
      rates,
      sustainedLinesPerSecond: sustained.length ? Math.max(...sustained) : 0,
      levelDetection: levelThroughput(core),
      note:
        'stand-in in a child process. latencyMs (line timestamp → batch) includes the tailer, which like Loki sends 100 entries a message and sleeps 500 ms when idle; receivedToBatchMs is the client alone (75 ms batching). sustained = complete, event-loop p99 < 100 ms, receivedToBatch p95 < 200 ms',
    };
  } finally {
    proc.disconnect();
  }
}

if (process.argv[2] === '--loki-child') await child();
