#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron's runTests({ vscodeExecutablePath }).
// VS Code desktop cannot be downloaded here, so this runs the same tests in code-server (VS Code for the
// browser, real Node extension host): it takes test-electron's command line, starts code-server with the
// smoke-test driver enabled, opens the workbench in headless Chromium (playwright-core) in extension-test
// mode, and exits with the tests' exit code. On VS Code desktop the same suite runs without this file.
//
// Env: CODE_SERVER       code-server launcher (default: code-server on PATH); needs Node 24 first on PATH
//      CHROMIUM          browser binary (default /usr/bin/chromium)
//      SHIM_SCREENSHOT   png written when the tests end (default test-artifacts/vscode-e2e.png; "" = none)
//      SHIM_TIMEOUT_MS   whole-run limit (default 300000)
//      VERBOSE=1         also print the workbench's own log lines and timings
'use strict';
const { spawn, spawnSync } = require('child_process');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const verbose = !!process.env.VERBOSE;
// Once our parent is gone, writing to its pipes raises EPIPE; that must not stop the cleanup below.
for (const s of [process.stdout, process.stderr]) s.on('error', () => {});
const say = (...a) => console.error('shim:', ...a);

// --- test-electron's command line ------------------------------------------------------------------
// Flags come as --flag=value; the desktop-only ones (--no-sandbox, --disable-updates, ...) are ignored.
const opt = { dev: [], tests: undefined, udd: undefined, exts: undefined, folder: undefined, disableExtensions: false };
for (const a of process.argv.slice(2)) {
  const m = /^--([^=]+)(?:=(.*))?$/.exec(a);
  if (!m) { opt.folder = path.resolve(a); continue; }
  const [, k, v] = m;
  if (k === 'extensionDevelopmentPath') opt.dev.push(path.resolve(v));
  else if (k === 'extensionTestsPath') opt.tests = path.resolve(v);
  else if (k === 'user-data-dir') opt.udd = path.resolve(v);
  else if (k === 'extensions-dir') opt.exts = path.resolve(v);
  else if (k === 'disable-extensions') opt.disableExtensions = true;
}
if (!opt.tests) { say('--extensionTestsPath is required'); process.exit(2); }
opt.udd ||= path.resolve('.vscode-test/user-data');
opt.exts ||= path.resolve('.vscode-test/extensions');

// code-server 4.139 (VS Code 1.139) needs Node 24 (node:module registerHooks). Its launcher runs the
// `node` on PATH; under Node 20 the workbench never loads and the run would only end at the timeout.
const csNode = spawnSync('node', ['--version'], { encoding: 'utf8' }).stdout?.trim() || 'none';
if (!/^v(2[4-9]|[3-9]\d)\./.test(csNode)) {
  say(`code-server needs Node 24 first on PATH (found ${csNode}); run test/e2e/install-code-server.sh`);
  process.exit(2);
}

const freePort = () => new Promise((resolve, reject) => {
  const s = net.createServer().on('error', reject).listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => resolve(p)); });
});
const sleep = ms => new Promise(r => setTimeout(r, ms));

(async () => {
  const t0 = Date.now();
  const { chromium } = require('playwright-core');   // here, so the checks above fail fast without it
  const runDir = path.dirname(opt.udd);
  // Everything code-server writes stays in the run's folders, not $HOME. TMPDIR is short and under the
  // system tmp: VS Code puts its IPC sockets there, and socket paths are limited to 107 bytes.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'e2e-cs-'));
  const xdg = name => { const d = path.join(runDir, 'xdg', name); fs.mkdirSync(d, { recursive: true }); return d; };
  for (const d of [opt.udd, opt.exts]) fs.mkdirSync(d, { recursive: true });
  // A new profile opens the Chat side bar and AI features: hide them, so the screenshot shows the editor
  // and nothing reaches for the network. Left alone if the caller brought its own settings.
  const settings = path.join(opt.udd, 'User', 'settings.json');
  if (!fs.existsSync(settings)) {
    fs.mkdirSync(path.dirname(settings), { recursive: true });
    fs.writeFileSync(settings, JSON.stringify({
      'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true,
      'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'update.mode': 'none',
      'files.autoSave': 'off',   // as on desktop: tests see their edits unsaved, whatever code-server defaults to
      'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
    }, null, 2));
  }
  const env = {
    ...process.env,
    XDG_CONFIG_HOME: xdg('config'), XDG_DATA_HOME: xdg('data'), XDG_CACHE_HOME: xdg('cache'), XDG_STATE_HOME: xdg('state'),
    TMPDIR: tmp, npm_config_cache: xdg('npm-cache'),
    // Otherwise the VS Code server runs `$SHELL -i -l` to read the user's environment (sources ~/.bashrc, slow).
    VSCODE_CLI: '1',
  };

  const port = await freePort();
  const csArgs = ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', '--config', path.join(opt.udd, 'code-server.yaml'),
    '--user-data-dir', opt.udd, '--extensions-dir', opt.exts,
    // Without the smoke-test driver the workbench ignores the test payload and nothing runs.
    '--vscode-option', 'enable-smoke-test-driver'];
  // Own process group (detached = setsid): code-server forks an extension host, pty host and a
  // copilot-runtime; killing only its pid would leave those running for hours.
  const cs = spawn(process.env.CODE_SERVER || 'code-server', csArgs, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], env });
  const csLogPath = path.join(opt.udd, 'code-server.log');
  const csLog = fs.createWriteStream(csLogPath);
  cs.stdout.pipe(csLog); cs.stderr.pipe(csLog);
  // A SIGKILLed shim cannot clean up: leave the group id where .ci/run's exit trap looks for it.
  const pgidFile = path.join(runDir, 'code-server.pgid');
  if (cs.pid) fs.writeFileSync(pgidFile, String(cs.pid));

  const groupAlive = () => { try { process.kill(-cs.pid, 0); return true; } catch { return false; } };
  const stopCs = () => { try { process.kill(-cs.pid, 'SIGTERM'); } catch {} };
  // Waits (then SIGKILL) until the whole group is gone, so nothing outlives runTests().
  const stopCsAndWait = async (ms = 10000) => {
    stopCs();
    for (const end = Date.now() + ms; groupAlive() && Date.now() < end;) await sleep(100);
    if (groupAlive()) try { process.kill(-cs.pid, 'SIGKILL'); } catch {}
    fs.rmSync(pgidFile, { force: true });
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  process.on('exit', stopCs);   // last resort; synchronous, so no waiting here

  // CI timeouts and Ctrl+C: close Chromium and code-server's group ourselves (Playwright's handlers are
  // off below; with them it closes Chromium but the shim would keep waiting).
  let browser;
  let stopping = false;
  const onSignal = (sig, n) => {
    if (stopping) return;
    stopping = true;
    say(`${sig}, stopping`);
    stopCs();
    Promise.resolve(browser && browser.close()).catch(() => {}).then(() => stopCsAndWait()).finally(() => process.exit(n));
  };
  process.once('SIGINT', () => onSignal('SIGINT', 130));
  process.once('SIGTERM', () => onSignal('SIGTERM', 143));
  process.once('SIGHUP', () => onSignal('SIGHUP', 129));
  // runTests does not pass SIGTERM on to us, and a killed parent cannot: stop when we are orphaned.
  const parent = process.ppid;
  setInterval(() => { if (process.ppid !== parent) onSignal('parent exited', 1); }, 1000).unref();

  let exitCode = 1;
  try {
    await new Promise((resolve, reject) => {
      let buf = '';
      const on = d => { buf += d; if (buf.includes('HTTP server listening')) resolve(); };
      cs.stdout.on('data', on); cs.stderr.on('data', on);
      cs.on('error', reject);
      cs.on('exit', c => reject(new Error(`code-server exited early with ${c}\n${buf}`)));
      setTimeout(() => reject(new Error(`code-server did not start in 60 s\n${buf}`)), 60000).unref();
    });
    if (verbose) say(`code-server up on ${port} after ${Date.now() - t0} ms`);

    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true,
      env: { ...env, TMPDIR: os.tmpdir() },   // else it writes crash reports and dconf under $HOME
      handleSIGINT: false, handleSIGTERM: false, handleSIGHUP: false,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    if (verbose) page.on('console', m => console.log('[browser]', m.text().slice(0, 400)));

    const screenshotPath = process.env.SHIM_SCREENSHOT ?? path.resolve('test-artifacts/vscode-e2e.png');
    const screenshot = async () => {
      if (!screenshotPath) return;
      fs.mkdirSync(path.dirname(screenshotPath), { recursive: true });
      await page.screenshot({ path: screenshotPath }).then(() => say(`screenshot ${screenshotPath}`), () => {});
    };

    let done; const finished = new Promise(r => (done = r));
    page.on('crash', () => { say('workbench page crashed'); done(1); });
    browser.on('disconnected', () => done(1));

    // In test mode the workbench forwards all its log lines here: its own and the extension host's console
    // (mocha's reporter). Drop the workbench's chatter and the offline network errors; keep the rest.
    const noise = /^\[|^(Resolv(ing|ed) connection token|Creating a socket|Updating additional builtin|The web worker extension host|Creation of workbench contribution)|ENOTFOUND|getaddrinfo|open-vsx\.org|api\.github\.com|marketplace|Failed to fetch|authentication provider|vsda/;
    await page.exposeFunction('codeAutomationLog', async (type, args) => {
      let line = util.format(...(args || []));   // console.log arguments arrive unformatted ('%s', ...)
      // A test asks for a picture while the extension host still runs: tree views, the status bar and
      // webviews are gone by the time the tests end.
      const shot = /^STACKLENS_SCREENSHOT ([\w-]+)$/.exec(line);
      if (shot) {
        const file = path.resolve('test-artifacts', `${shot[1]}.png`);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        await page.screenshot({ path: file }).then(() => say(`screenshot ${file}`), () => {});
        return;
      }
      if (!process.stdout.isTTY) line = util.stripVTControlCharacters(line);   // CI logs: no color codes
      if (verbose || !noise.test(line)) (type === 'error' || type === 'warn' ? console.error : console.log)(line);
    });
    await page.exposeFunction('codeAutomationExit', async code => {
      await screenshot();
      done(typeof code === 'number' ? code : 1);
    });

    // code-server rejects --extensionDevelopmentPath; the page starts test mode from this payload instead.
    const authority = `127.0.0.1:${port}`;
    const remote = p => `vscode-remote://${authority}${p}`;
    const payload = [...opt.dev.map(d => ['extensionDevelopmentPath', remote(d)]),
      ['extensionTestsPath', remote(opt.tests)], ['skipWelcome', 'true'], ['skipReleaseNotes', 'true'],
      ...(opt.disableExtensions ? [['disableExtensions', 'true']] : [])];
    const where = opt.folder ? (opt.folder.endsWith('.code-workspace') ? 'workspace=' : 'folder=') + encodeURIComponent(opt.folder) : 'ew=true';
    const timeoutMs = +(process.env.SHIM_TIMEOUT_MS || 300000);
    const timer = setTimeout(async () => { say(`tests did not finish in ${timeoutMs} ms`); await screenshot(); done(124); }, timeoutMs);
    await page.goto(`http://${authority}/?${where}&payload=${encodeURIComponent(JSON.stringify(payload))}`,
      { waitUntil: 'domcontentloaded', timeout: 60000 });
    exitCode = await finished;
    clearTimeout(timer);
  } catch (e) {
    say('failed:', e);
    say(`code-server log: ${csLogPath}`);
    exitCode = 2;
  }
  await Promise.resolve(browser && browser.close()).catch(() => {});
  await stopCsAndWait();
  if (verbose) say(`done in ${Date.now() - t0} ms, exit ${exitCode}`);
  process.exit(exitCode);
})().catch(e => { say('failed:', e); process.exit(2); });
