// Against a real engine (the project's private one, started here): a compose v1 stack with an init that
// completes, one that fails, a healthcheck going healthy then unhealthy and a plain service; the watcher
// follows it by events, and survives its engine stopping and starting again.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import Docker from 'dockerode';
import { engineDown, engineUp } from '../../../test/docker/engine';
import { composeArgv, composeProjectArgv, detectCompose, type ComposeCli } from './composeCommand';
import { DockerWatcher, type WatchState } from './dockerWatcher';
import type { StackHealth, StackInput } from './stackHealth';

const run = promisify(execFile);
const IMAGE = 'stacklens-test/busybox:1';
// Unique per run: two checkouts testing at once must not share containers.
const PROJECT = `sltest${process.pid}`;

// busybox sleep as PID 1 ignores SIGTERM: `init: true` makes every stop immediate.
const COMPOSE_A = `
services:
  init-ok:
    image: ${IMAGE}
    network_mode: none
    command: ["sh", "-c", "exit 0"]
  init-fail:
    image: ${IMAGE}
    network_mode: none
    command: ["sh", "-c", "exit 3"]
  flappy:
    image: ${IMAGE}
    init: true
    network_mode: none
    command: ["sh", "-c", "touch /tmp/ok; sleep 6; rm /tmp/ok; sleep 3600"]
    healthcheck:
      test: ["CMD-SHELL", "test -f /tmp/ok && echo marker present || { echo marker gone; exit 1; }"]
      interval: 1s
      timeout: 1s
      retries: 1
  plain:
    image: ${IMAGE}
    init: true
    network_mode: none
    command: ["sleep", "3600"]
`;
const COMPOSE_B = `
services:
  other:
    image: ${IMAGE}
    init: true
    network_mode: none
    command: ["sleep", "3600"]
`;

let dockerHost: string;
let cli: ComposeCli;
const dirs: string[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

function stackIn(files: Record<string, string>, services: StackInput['services']): StackInput {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sl-stack-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return { name: path.basename(dir), projectName: PROJECT, projectDirectory: dir, files: [path.join(dir, 'docker-compose.yml')], services };
}

async function compose(argv: string[]): Promise<void> {
  await run(argv[0], argv.slice(1), { env: { ...process.env, DOCKER_HOST: dockerHost }, timeout: 60_000 });
}

/** Resolves with the first state (current or coming) that satisfies `ok`, and when it was emitted. */
function waitFor(watcher: DockerWatcher, ok: (s: WatchState) => boolean, timeoutMs: number, what: string): Promise<{ state: WatchState; at: number }> {
  if (watcher.state && ok(watcher.state)) return Promise.resolve({ state: watcher.state, at: Date.now() });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      watcher.off('change', listener);
      reject(new Error(`no ${what} within ${timeoutMs} ms; last state: ${JSON.stringify(brief(watcher.state))}`));
    }, timeoutMs);
    const listener = (state: WatchState) => {
      if (!ok(state)) return;
      clearTimeout(timer);
      watcher.off('change', listener);
      resolve({ state, at: Date.now() });
    };
    watcher.on('change', listener);
  });
}

const stackOf = (s: WatchState, name: string): StackHealth | undefined => (s.reachable ? s.stacks.find((x) => x.name === name) : undefined);
const labels = (h: StackHealth | undefined) => Object.fromEntries((h?.services ?? []).map((s) => [s.name, s.state.label]));
const brief = (s: WatchState | undefined) => (s?.reachable ? s.stacks.map((h) => [h.summary.text, labels(h)]) : s);

before(() => {
  dockerHost = engineUp();
});

after(async () => {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch((e) => console.error('cleanup:', e));
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

test('compose detection: v2 when `docker compose` exists, else docker-compose (v1 here)', async () => {
  const found = await detectCompose();
  assert.ok(found, 'no compose found');
  const v2 = spawnSync('docker', ['compose', 'version']).status === 0;
  assert.deepEqual(found.argv, v2 ? ['docker', 'compose'] : ['docker-compose']);
  if (!v2) assert.equal(found.major, 1);
  cli = found;
});

test('a real stack: init completed and failed, healthy then unhealthy, one-offs and a same-named project apart', { timeout: 45_000 }, async () => {
  const a = stackIn({ 'docker-compose.yml': COMPOSE_A }, [
    { name: 'init-ok', runOnce: true, healthcheck: false },
    { name: 'init-fail', runOnce: true, healthcheck: false },
    { name: 'flappy', runOnce: false, healthcheck: true },
    { name: 'plain', runOnce: false, healthcheck: false },
  ]);
  const b = stackIn({ 'docker-compose.yml': COMPOSE_B }, [{ name: 'other', runOnce: false, healthcheck: false }]);
  cleanups.push(async () => {
    await compose(composeArgv(cli, b, { verb: 'down', volumes: true }));
    await compose(composeArgv(cli, a, { verb: 'down', volumes: true }));
  });

  // The engine's own event times, to measure how long the watcher takes after a change.
  const docker = new Docker({ socketPath: dockerHost.replace(/^unix:\/\//, '') });
  const abort = new AbortController();
  cleanups.push(() => abort.abort());
  const eventTimes = new Map<string, number>();
  const events = (await docker.getEvents({ filters: { type: ['container'], label: [`com.docker.compose.project=${PROJECT}`] }, abortSignal: abort.signal })) as NodeJS.ReadableStream;
  events.on('error', () => {});
  events.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) {
      const e = JSON.parse(line) as { Action: string; timeNano: number; Actor: { Attributes: Record<string, string> } };
      eventTimes.set(`${e.Actor.Attributes['com.docker.compose.service']} ${e.Action}`, e.timeNano / 1e6);
    }
  });

  const watcher = new DockerWatcher([a, b], { dockerHost });
  cleanups.push(() => watcher.dispose());
  const first = await watcher.start();
  assert.equal(first.reachable, true);
  assert.equal(stackOf(first, a.name)?.summary.text, 'not running');

  const t0 = Date.now();
  await compose(composeArgv(cli, a, { verb: 'up' }));
  await compose(composeArgv(cli, b, { verb: 'up' }));
  // A one-off container of `plain`: it must not count as plain's container.
  await compose([...composeProjectArgv(cli, a), 'run', '-d', 'plain', 'sleep', '30']);
  console.log(`compose up (v${cli.version}) of both stacks and a run: ${Date.now() - t0} ms`);

  const { state } = await waitFor(watcher, (s) => labels(stackOf(s, a.name)).flappy === 'healthy' && labels(stackOf(s, a.name)).plain === 'running' && labels(stackOf(s, b.name)).other === 'running', 10_000, 'stack up');
  const stackA = stackOf(state, a.name)!;
  assert.deepEqual(labels(stackA), { 'init-ok': 'completed', 'init-fail': 'failed (exit 3)', flappy: 'healthy', plain: 'running' });
  assert.deepEqual([stackA.summary.text, stackA.summary.severity], ['2/2 healthy, 1/2 init completed, 1 failed', 'error']);
  assert.equal(stackA.services.find((s) => s.name === 'plain')?.containers.length, 1, 'the one-off run container was counted');
  assert.equal(stackA.services.find((s) => s.name === 'flappy')?.state.healthOutput, 'marker present');
  // Same project name, other directory: each stack sees only its own containers.
  assert.deepEqual(stackA.orphans, []);
  const stackB = stackOf(state, b.name)!;
  assert.deepEqual([labels(stackB), stackB.summary.text, stackB.orphans], [{ other: 'running' }, '1/1 healthy', []]);

  const unhealthy = await waitFor(watcher, (s) => labels(stackOf(s, a.name)).flappy === 'unhealthy', 15_000, 'flappy unhealthy');
  const flappy = stackOf(unhealthy.state, a.name)!.services.find((s) => s.name === 'flappy')!;
  assert.equal(flappy.state.healthOutput, 'marker gone');
  assert.equal(stackOf(unhealthy.state, a.name)!.summary.text, '1/2 healthy, 1/2 init completed, 1 failed, 1 unhealthy');
  const changedAt = eventTimes.get('flappy health_status: unhealthy');
  assert.ok(changedAt, 'the engine reported no health_status: unhealthy event');
  const latency = unhealthy.at - changedAt;
  console.log(`health_status: unhealthy event -> watcher change: ${latency.toFixed(0)} ms`);
  assert.ok(latency < 1000, `the watcher took ${latency} ms after the event`);
});

test('engine stopped: unreachable with its DOCKER_HOST; started again: the state is back and events flow', { timeout: 60_000 }, async () => {
  // A private engine: restarting the shared one would break anyone else's tests running on it.
  const root = fs.mkdtempSync('/tmp/sl-restart-');
  cleanups.push(() => {
    engineDown(root);
    fs.rmSync(root, { recursive: true, force: true });
  });
  let t = Date.now();
  const host = engineUp(root);
  console.log(`private engine started in ${Date.now() - t} ms`);
  const docker = new Docker({ socketPath: host.replace(/^unix:\/\//, '') });
  const dir = path.join(root, 'project');
  const labelsOf = { 'com.docker.compose.project': 'slrestart', 'com.docker.compose.service': 'svc', 'com.docker.compose.oneoff': 'False', 'com.docker.compose.project.working_dir': dir, 'com.docker.compose.project.config_files': `${dir}/docker-compose.yml` };
  const container = await docker.createContainer({
    Image: IMAGE,
    Cmd: ['sleep', '3600'],
    Labels: labelsOf,
    // `always`: the engine starts it again when it comes back.
    HostConfig: { Init: true, NetworkMode: 'none', RestartPolicy: { Name: 'always' } },
  });
  await container.start();
  const stack: StackInput = { name: 'restart', projectName: 'slrestart', projectDirectory: dir, files: [`${dir}/docker-compose.yml`], services: [{ name: 'svc', runOnce: false, healthcheck: false }] };
  const watcher = new DockerWatcher([stack], { dockerHost: host, retryMs: { initial: 100, max: 500 } });
  cleanups.push(() => watcher.dispose());
  await watcher.start();
  await waitFor(watcher, (s) => labels(stackOf(s, 'restart')).svc === 'running', 5_000, 'svc running');

  t = Date.now();
  engineDown(root);
  const down = await waitFor(watcher, (s) => !s.reachable, 5_000, 'unreachable');
  console.log(`engine stopped in ${Date.now() - t} ms`);
  assert.equal(down.state.reachable, false);
  assert.equal(down.state.dockerHost, host);
  if (!down.state.reachable) assert.match(down.state.error, /ENOENT|ECONNREFUSED/);

  t = Date.now();
  engineUp(root);
  await waitFor(watcher, (s) => s.reachable && labels(stackOf(s, 'restart')).svc === 'running', 10_000, 'reachable again');
  console.log(`engine restarted and state back in ${Date.now() - t} ms`);
  // The events stream was subscribed again: a pause shows without any refresh call, at the cost of one
  // refresh that inspects only the paused container.
  const before = { ...watcher.stats };
  await container.pause();
  await waitFor(watcher, (s) => labels(stackOf(s, 'restart')).svc === 'paused', 2_000, 'paused after reconnect');
  assert.deepEqual({ refreshes: watcher.stats.refreshes - before.refreshes, inspects: watcher.stats.inspects - before.inspects }, { refreshes: 1, inspects: 1 });
  await container.unpause();
  await container.remove({ force: true });
});
