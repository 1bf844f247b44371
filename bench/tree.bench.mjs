// Stacks tree bench: a 50-service stack of real containers (busybox, compose labels, made with dockerode)
// on the project's private Docker engine (test/docker/engine-up.sh). Measures the Stacks watcher
// (client/src/stacks/dockerWatcher.ts, bundled here with esbuild so it is the current source):
//   - coldRefresh: a new watcher's start() to its first state (list + inspect every container)
//   - eventToModel: a container paused/unpaused -> the watcher's `change` with the new state, from the
//     engine's event time and from the API call; with the default 150 ms debounce and with none
//   - burst: 10 containers paused at once -> one model showing all 10, and how many refreshes it took
// Ten services have a 1 s healthcheck, so the events stream also carries the exec_* noise of a real stack.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { summarize } from './lib/stats.mjs';

export const description = '50-service stack on a real Docker engine: Stacks watcher event-to-model p50/p95 (debounce 150 ms and 0), cold refresh, 10-container burst';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const SERVICES = 50;
const HEALTHCHECKED = 10;
const RUN_ONCE = 5;
const IMAGE = 'stacklens-test/busybox:1';
// BENCH_QUICK=1: 5 samples per measure, for working on the bench.
const SAMPLES = process.env.BENCH_QUICK === '1' ? 5 : 30;
const COLD_SAMPLES = process.env.BENCH_QUICK === '1' ? 2 : 10;
const BURSTS = process.env.BENCH_QUICK === '1' ? 2 : 5;

const wallNow = () => performance.timeOrigin + performance.now();

function engineUp() {
  const r = spawnSync('bash', [path.join(REPO, 'test', 'docker', 'engine-up.sh')], { encoding: 'utf8', timeout: 600_000 });
  const host = r.stdout.trim().split('\n').at(-1)?.match(/^DOCKER_HOST=(.+)$/)?.[1];
  if (r.status !== 0 || !host) throw new Error(`engine-up.sh failed (exit ${r.status}): ${r.stderr}`);
  return host;
}

/** The watcher as the extension will run it: bundled from the TypeScript source, dockerode external. */
async function loadWatcher() {
  const outfile = path.join(REPO, 'out', 'bench', 'dockerWatcher.cjs');
  await esbuild.build({
    entryPoints: [path.join(REPO, 'client', 'src', 'stacks', 'dockerWatcher.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    packages: 'external',
    logLevel: 'warning',
  });
  return require(outfile);
}

const serviceName = (i) => `s${String(i + 1).padStart(2, '0')}`;

async function createStack(docker, project, dir) {
  const services = [];
  const containers = [];
  for (let i = 0; i < SERVICES; i++) {
    const name = serviceName(i);
    const runOnce = i >= SERVICES - RUN_ONCE;
    const healthcheck = i < HEALTHCHECKED;
    services.push({ name, runOnce, healthcheck });
    containers.push(
      docker.createContainer({
        name: `${project}-${name}-1`,
        Image: IMAGE,
        Cmd: runOnce ? ['true'] : ['sleep', '3600'],
        Labels: {
          'com.docker.compose.project': project,
          'com.docker.compose.service': name,
          'com.docker.compose.oneoff': 'False',
          'com.docker.compose.container-number': '1',
          'com.docker.compose.project.working_dir': dir,
          'com.docker.compose.project.config_files': `${dir}/docker-compose.yml`,
          'com.docker.compose.version': '1.29.2', // compose v1 crashes on project containers without it
        },
        Healthcheck: healthcheck ? { Test: ['CMD', 'true'], Interval: 1e9, Timeout: 1e9, Retries: 1 } : undefined,
        HostConfig: { Init: true, NetworkMode: 'none' },
      }),
    );
  }
  const created = await Promise.all(containers);
  await Promise.all(created.map((c) => c.start()));
  return { stack: { name: project, projectName: project, projectDirectory: dir, files: [`${dir}/docker-compose.yml`], services }, containers: created };
}

function waitFor(watcher, ok, timeoutMs, what) {
  if (watcher.state && ok(watcher.state)) return Promise.resolve(wallNow());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      watcher.off('change', listener);
      reject(new Error(`bench tree: no ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    const listener = (state) => {
      if (!ok(state)) return;
      const at = wallNow();
      clearTimeout(timer);
      watcher.off('change', listener);
      resolve(at);
    };
    watcher.on('change', listener);
  });
}

const servicesOf = (state) => (state.reachable ? state.stacks[0].services : []);
const labelOf = (state, name) => servicesOf(state).find((s) => s.name === name)?.state.label;
const allUp = (state) => state.reachable && state.stacks[0].summary.severity === 'ok';

/** The engine's own event times (ns clock, same wall clock as ours), by `container action`. */
async function recordEvents(docker, project, signal) {
  const times = new Map();
  const stream = await docker.getEvents({ filters: { type: ['container'], label: [`com.docker.compose.project=${project}`] }, abortSignal: signal });
  let buffered = '';
  stream.on('error', () => {});
  stream.on('data', (chunk) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop();
    for (const line of lines.filter(Boolean)) {
      const e = JSON.parse(line);
      times.set(`${e.Actor.ID} ${e.Action}`, e.timeNano / 1e6);
    }
  });
  return times;
}

async function eventToModel(DockerWatcher, dockerHost, stack, targets, eventTimes, debounceMs) {
  const watcher = new DockerWatcher([stack], { dockerHost, debounceMs });
  try {
    await watcher.start();
    await waitFor(watcher, allUp, 30_000, 'stack up');
    const fromEvent = [];
    const fromCall = [];
    const before = { ...watcher.stats };
    for (let i = 0; i < SAMPLES; i++) {
      const { container, name } = targets[i % targets.length];
      for (const [action, label] of [['pause', 'paused'], ['unpause', 'running']]) {
        const changed = waitFor(watcher, (s) => labelOf(s, name) === label, 5_000, `${name} ${label}`);
        const called = wallNow();
        await container[action]();
        const at = await changed;
        fromCall.push(at - called);
        const eventAt = eventTimes.get(`${container.id} ${action}`);
        if (eventAt !== undefined) fromEvent.push(at - eventAt);
      }
    }
    const refreshes = watcher.stats.refreshes - before.refreshes;
    const inspects = watcher.stats.inspects - before.inspects;
    return { debounceMs, fromEvent: summarize(fromEvent), fromCall: summarize(fromCall), refreshesPerChange: refreshes / (2 * SAMPLES), inspectsPerChange: inspects / (2 * SAMPLES) };
  } finally {
    watcher.dispose();
  }
}

async function burst(DockerWatcher, dockerHost, stack, targets) {
  const watcher = new DockerWatcher([stack], { dockerHost });
  try {
    await watcher.start();
    await waitFor(watcher, allUp, 30_000, 'stack up');
    const group = targets.slice(0, 10);
    const times = [];
    const refreshes = [];
    for (let i = 0; i < BURSTS; i++) {
      for (const [action, label] of [['pause', 'paused'], ['unpause', 'running']]) {
        const before = watcher.stats.refreshes;
        const changed = waitFor(watcher, (s) => group.every((t) => labelOf(s, t.name) === label), 10_000, `burst ${label}`);
        const called = wallNow();
        await Promise.all(group.map((t) => t.container[action]()));
        times.push((await changed) - called);
        refreshes.push(watcher.stats.refreshes - before);
      }
    }
    return { containers: group.length, callToModel: summarize(times), refreshesPerBurst: { min: Math.min(...refreshes), max: Math.max(...refreshes) } };
  } finally {
    watcher.dispose();
  }
}

async function coldRefresh(DockerWatcher, dockerHost, stack) {
  const times = [];
  for (let i = 0; i < COLD_SAMPLES; i++) {
    const watcher = new DockerWatcher([stack], { dockerHost });
    const t0 = performance.now();
    const state = await watcher.start();
    times.push(performance.now() - t0);
    watcher.dispose();
    if (!state.reachable) throw new Error(`engine unreachable: ${state.error}`);
  }
  return summarize(times);
}

export async function run({ log = (s) => process.stderr.write(s + '\n') } = {}) {
  let t0 = performance.now();
  const dockerHost = engineUp();
  const engineMs = Math.round(performance.now() - t0);
  log(`tree: engine at ${dockerHost} (${engineMs} ms)`);
  const { DockerWatcher } = await loadWatcher();
  const Docker = require('dockerode');
  const docker = new Docker({ socketPath: dockerHost.replace(/^unix:\/\//, '') });
  const project = `slbench${process.pid}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-bench-tree-'));
  const abort = new AbortController();
  let containers = [];
  try {
    t0 = performance.now();
    const made = await createStack(docker, project, dir);
    containers = made.containers;
    const createMs = Math.round(performance.now() - t0);
    log(`tree: ${SERVICES} containers created and started in ${createMs} ms`);
    const eventTimes = await recordEvents(docker, project, abort.signal);
    // Paused and unpaused: long-running services without a healthcheck (a pause does not stop healthchecks' clocks).
    const targets = made.stack.services
      .map((s, i) => ({ ...s, container: containers[i] }))
      .filter((s) => !s.runOnce && !s.healthcheck);
    const result = {
      engine: { dockerHost, upMs: engineMs, version: (await docker.version()).Version },
      stack: { services: SERVICES, healthchecked: HEALTHCHECKED, runOnce: RUN_ONCE, createAndStartMs: createMs },
      coldRefresh: await coldRefresh(DockerWatcher, dockerHost, made.stack),
    };
    log('tree: event to model, debounce 150 ms');
    result.eventToModel = [await eventToModel(DockerWatcher, dockerHost, made.stack, targets, eventTimes, 150)];
    log('tree: event to model, debounce 0');
    result.eventToModel.push(await eventToModel(DockerWatcher, dockerHost, made.stack, targets, eventTimes, 0));
    log('tree: bursts');
    result.burst = await burst(DockerWatcher, dockerHost, made.stack, targets);
    return result;
  } finally {
    abort.abort();
    await Promise.all(containers.map((c) => c.remove({ force: true }).catch(() => {})));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
