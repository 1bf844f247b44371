// Runs the real CLI (bin/stacklens over the esbuild bundle) as a user's CI would.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const FIXTURES = path.join(REPO, 'test', 'fixtures');

export function runCli(args: string[], cwd = REPO, env: NodeJS.ProcessEnv = {}): { code: number | null; stdout: string; stderr: string } {
  const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('GRAFANA')));
  const result = spawnSync(path.join(REPO, 'bin', 'stacklens'), args, { cwd, env: { ...clean, ...env }, encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
