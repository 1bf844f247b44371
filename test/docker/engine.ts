// The tests' handle on the project's private Docker engine (test/docker/engine-up.sh): they start it
// themselves, so `npm test` works on a machine where nobody started one.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const SCRIPTS = path.resolve(__dirname, '..', '..', '..', 'test', 'docker');

/** Starts (or reuses) the engine under ENGINE_ROOT (default /tmp/stacklens-engine); returns its DOCKER_HOST. */
export function engineUp(engineRoot?: string): string {
  const r = spawnSync('bash', [path.join(SCRIPTS, 'engine-up.sh')], { env: engineEnv(engineRoot), encoding: 'utf8', timeout: 600_000 });
  const host = r.stdout.trim().split('\n').at(-1)?.match(/^DOCKER_HOST=(.+)$/)?.[1];
  if (r.status !== 0 || !host) throw new Error(`engine-up.sh failed (exit ${r.status}):\n${r.stderr}\n${r.stdout}`);
  return host;
}

export function engineDown(engineRoot?: string): void {
  const r = spawnSync('bash', [path.join(SCRIPTS, 'engine-down.sh')], { env: engineEnv(engineRoot), encoding: 'utf8', timeout: 60_000 });
  if (r.status !== 0) throw new Error(`engine-down.sh failed (exit ${r.status}):\n${r.stderr}`);
}

function engineEnv(engineRoot: string | undefined): NodeJS.ProcessEnv {
  return engineRoot ? { ...process.env, ENGINE_ROOT: engineRoot } : process.env;
}
