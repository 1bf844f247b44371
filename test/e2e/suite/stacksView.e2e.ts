// The Stacks view in a real VS Code against a real Docker engine: a compose stack (test/fixtures/
// e2e-workspace/stack, in the run's copy of the workspace) brought up with docker-compose v1 shows each
// service with its state; a compose command from the view runs as a task; "Show logs" falls back to the
// container's Docker logs when Loki is not reachable. Needs DOCKER_HOST: run.js starts the project's
// engine (test/docker/engine-up.sh) and passes it on.
/// <reference types="mocha" />
/// <reference types="vscode" />
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type * as vscodeApi from 'vscode';
import type { StackLensApi } from '../../../client/src/extension';
import { LokiStandIn } from '../../support/lokiStandIn';
import { EXTENSION_ID, helpers } from './helpers';

// `node --test out/` also loads this file: define the suite only when mocha is loading it.
if (typeof suite === 'function') defineSuite(require('vscode'));

const run = promisify(execFile);

function defineSuite(vscode: typeof vscodeApi) {
  const { waitFor } = helpers(vscode);
  // Unique per run: several checkouts may test on the same engine at once.
  const project = `demo-${process.pid}`;
  const stackDir = () => path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, 'stack');
  const dockerEnv = () => ({ ...process.env, DOCKER_HOST: process.env.DOCKER_HOST });
  let api: StackLensApi;

  const stackRow = () => api.stackRows().find((r) => r.label === project);
  const states = () => Object.fromEntries(stackRow()?.children.map((s) => [s.label, s.description]) ?? []);

  suite('Stacks view on a running compose stack', () => {
    suiteSetup(async function () {
      this.timeout(120_000);
      assert.ok(process.env.DOCKER_HOST, 'DOCKER_HOST is not set: test/e2e/run.js starts the engine (test/docker/engine-up.sh) and passes it on');
      // The project name compose and the language server both read (the server asks again when .env appears).
      fs.writeFileSync(path.join(stackDir(), '.env'), `COMPOSE_PROJECT_NAME=${project}\n`);
      await run('docker-compose', ['up', '-d'], { cwd: stackDir(), env: dockerEnv(), timeout: 90_000 });
      api = (await vscode.extensions.getExtension<StackLensApi>(EXTENSION_ID)!.activate()) as StackLensApi;
    });

    suiteTeardown(async function () {
      this.timeout(60_000);
      // The shim's screenshot comes after the extension host has stopped, when no view has its provider
      // any more: nothing to keep the stack up for.
      await run('docker-compose', ['down', '-v', '--remove-orphans'], { cwd: stackDir(), env: dockerEnv(), timeout: 60_000 });
    });

    test('lists the services with their states: completed, failed (exit 3), healthy, running', async () => {
      const expected = { 'init-perms': 'completed', 'init-schema': 'failed (exit 3)', api: 'healthy', worker: 'running' };
      await waitFor(() => `the Stacks view to show ${JSON.stringify(expected)} (have ${JSON.stringify(api.stackRows())}; model ${JSON.stringify(api.stacksModel())})`, () =>
        JSON.stringify(states()) === JSON.stringify(expected) ? true : undefined, 45_000);
      const row = stackRow()!;
      assert.equal(row.description, '2/2 healthy, 1/2 init completed, 1 failed');
      assert.equal(row.icon, 'error');
      assert.deepEqual(row.children.map((s) => s.icon), ['check', 'error', 'check', 'circle-filled']);
      assert.deepEqual(row.children.find((s) => s.label === 'api')?.children.map((c) => [c.contextValue, c.description]), [['container', 'healthy']]);
      const model = api.stacksModel();
      assert.equal(model.dockerReachable, true);
      assert.equal(model.dockerHost, process.env.DOCKER_HOST);

      // Show it: the screenshot at the end of the run has the view, the compose file and the status bar.
      await vscode.commands.executeCommand('workbench.view.extension.stacklens');
      const doc = await vscode.workspace.openTextDocument(path.join(stackDir(), 'docker-compose.yml'));
      await vscode.window.showTextDocument(doc);
    });

    test('Restart on a service runs the stack\'s compose as a task, and the view follows', async function () {
      this.timeout(90_000);
      const stack = api.stacksModel().stacks.find((s) => s.info.projectName === project)!.info;
      const worker = stack.services.find((s) => s.name === 'worker')!;
      const exitCode = await vscode.commands.executeCommand<number | undefined>('stacklens.restart', { kind: 'service', stack, service: worker });
      assert.equal(exitCode, 0);
      await waitFor(() => `worker running again (have ${JSON.stringify(states())})`, () => (states().worker === 'running' ? true : undefined), 30_000);
    });

    test('Show logs with Loki: the service\'s selector, the tenant, backfill then a live tail; closing the panel ends it', async () => {
      const loki = new LokiStandIn({ tenancy: 'multi' });
      await loki.start();
      try {
        const config = vscode.workspace.getConfiguration('stacklens.loki');
        await config.update('url', loki.url, vscode.ConfigurationTarget.Global);
        await config.update('tenant', 'team-a', vscode.ConfigurationTarget.Global);
        const now = BigInt(Date.now()) * 1_000_000n;
        loki.push('team-a', [{ stream: { container: `/${project}_api_1` }, values: [[String(now), 'level=info msg="from loki"']] }]);
        const { info: stack } = api.stacksModel().stacks.find((s) => s.info.projectName === project)!;
        const service = stack.services.find((s) => s.name === 'api')!;
        await vscode.commands.executeCommand('stacklens.showLogs', { kind: 'service', stack, service });
        const title = `Logs: ${project} / api`;
        const tab = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.label === title);
        await waitFor(() => `a log panel "${title}" following Loki's tail (tails: ${loki.activeTails('team-a')}, query_range: ${loki.requestCount('/loki/api/v1/query_range')})`, () =>
          tab() && loki.activeTails('team-a') === 1 ? true : undefined);
        assert.ok(loki.requestCount('/loki/api/v1/query_range') >= 1, 'backfilled with query_range first');
        await vscode.window.tabGroups.close(tab()!);
        await waitFor(() => `the tail to close with the panel (tails: ${loki.activeTails('team-a')})`, () => (loki.activeTails('team-a') === 0 ? true : undefined), 5_000);
      } finally {
        await loki.stop();
      }
    });

    test('Show logs without a reachable Loki follows the container through Docker, and says so', async () => {
      await vscode.workspace.getConfiguration('stacklens.loki').update('url', 'http://127.0.0.1:9', vscode.ConfigurationTarget.Global);
      const { info: stack, health } = api.stacksModel().stacks.find((s) => s.info.projectName === project)!;
      const service = stack.services.find((s) => s.name === 'api')!;
      assert.equal(service.logSelector, `{container=~"/?${project}[-_]api[-_][0-9]+"}`);
      await vscode.commands.executeCommand('stacklens.showLogs', { kind: 'service', stack, service, health: health?.services.find((s) => s.name === 'api') });
      const tabs = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label));
      await waitFor(() => `a log panel titled "… (Docker logs: Loki not reachable at http://127.0.0.1:9)" (tabs: ${JSON.stringify(tabs())})`, () =>
        tabs().find((t) => t === `Logs: ${project} / api (Docker logs: Loki not reachable at http://127.0.0.1:9)`));
      // The view back in front, beside the panel, for the screenshot the shim takes on this line.
      await vscode.commands.executeCommand('workbench.view.extension.stacklens');
      await new Promise((r) => setTimeout(r, 1000));
      console.log('STACKLENS_SCREENSHOT stacks-view');
      await new Promise((r) => setTimeout(r, 1500));
    });
  });
}
