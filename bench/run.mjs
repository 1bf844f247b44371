// `npm run bench [-- NAME...] [--no-build] [--list]`: runs every bench/*.bench.mjs (or the named ones)
// and prints one JSON object on stdout, keyed by bench name; progress goes to stderr.
// A bench is a module exporting `description` and `async run({ log })` that returns its results.
// The bench reports and never judges (targets missed still exit 0), but an internal error (a server
// that crashed, timed out or never published) exits 1.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(BENCH_DIR, '..');
const log = (s) => process.stderr.write(s + '\n');

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const names = args.filter((a) => !a.startsWith('--'));
const available = fs
  .readdirSync(BENCH_DIR)
  .filter((f) => f.endsWith('.bench.mjs'))
  .map((f) => f.slice(0, -'.bench.mjs'.length))
  .sort();

if (flags.has('--list')) {
  for (const name of available) {
    const { description } = await import(pathToFileURL(path.join(BENCH_DIR, `${name}.bench.mjs`)).toString());
    log(`${name}: ${description ?? ''}`);
  }
  process.exit(0);
}
const unknown = names.filter((n) => !available.includes(n));
if (unknown.length) {
  log(`bench: unknown bench ${unknown.join(', ')}; available: ${available.join(', ')}`);
  process.exit(2);
}

function git(...a) {
  const r = spawnSync('git', a, { cwd: REPO, encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

/** Builds dist/ so the numbers are those of the current source; falls back to an existing dist/. */
function build() {
  const cli = path.join(REPO, 'dist', 'cli.js');
  if (flags.has('--no-build')) {
    if (!fs.existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build` (or drop --no-build)');
    log('bench: --no-build: using the existing dist/');
    return 'skipped (existing dist/)';
  }
  log('bench: building dist/ (node scripts/build.mjs) so the server is the current source');
  const r = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'build.mjs')], { cwd: REPO, stdio: ['ignore', 2, 2] });
  if (r.status === 0) return 'built';
  if (!fs.existsSync(cli)) throw new Error('the build failed and there is no dist/cli.js: the server cannot be started');
  log('bench: WARNING: the build failed; measuring the existing dist/, which may not match the source');
  return 'failed (measured the existing dist/)';
}

const started = Date.now();
const output = {
  meta: {
    date: new Date().toISOString(),
    commit: git('rev-parse', '--short', 'HEAD'),
    uncommittedServerChanges: (git('status', '--porcelain', '--', 'server') ?? '') !== '',
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model,
    platform: `${os.platform()} ${os.arch()}`,
    // Other work on the machine skews every number: compare runs only at a similar load.
    loadAverageAtStart: os.loadavg().map((l) => Math.round(l * 100) / 100),
  },
};
let failed = false;
try {
  output.meta.build = build();
} catch (error) {
  log(`bench: ${error.message}`);
  process.exit(1);
}

for (const name of names.length ? names : available) {
  log(`bench: ${name}`);
  const t0 = Date.now();
  try {
    const bench = await import(pathToFileURL(path.join(BENCH_DIR, `${name}.bench.mjs`)).toString());
    output[name] = await bench.run({ log });
  } catch (error) {
    failed = true;
    log(`bench: ${name} failed: ${error?.stack ?? error}`);
    output[name] = { error: String(error?.message ?? error) };
  }
  log(`bench: ${name} took ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
output.meta.seconds = Math.round((Date.now() - started) / 100) / 10;
output.meta.loadAverageAtEnd = os.loadavg().map((l) => Math.round(l * 100) / 100);
process.stdout.write(JSON.stringify(output, null, 2) + '\n');
process.exitCode = failed ? 1 : 0;
