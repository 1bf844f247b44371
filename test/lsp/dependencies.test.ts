import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './lspClient';

test('editing an open .env re-checks the open compose file that reads it; other files keep their diagnostics', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-deps-'));
  const compose = path.join(dir, 'docker-compose.yml');
  const env = path.join(dir, '.env');
  const dashboard = path.join(dir, 'dash.json');
  const composeText = 'services:\n  app:\n    image: "app:${TAG}"\n';
  const dashboardText = JSON.stringify({ panels: [{ datasource: { type: 'prometheus' }, targets: [{ expr: 'up{job="api*"}' }] }] });
  fs.writeFileSync(compose, composeText);
  fs.writeFileSync(env, 'OTHER=1\n');
  fs.writeFileSync(dashboard, dashboardText);
  const client = new LspClient();
  try {
    await client.initialize(dir);
    const [composeUri, envUri, dashboardUri] = [compose, env, dashboard].map((f) => pathToFileURL(f).toString());
    const first = client.nextDiagnostics(composeUri);
    client.open(compose, composeText);
    assert.deepEqual((await first).diagnostics.map((d) => d.code), ['compose/undefined-variable']);
    const dash = client.nextDiagnostics(dashboardUri);
    client.open(dashboard, dashboardText, 'json');
    assert.deepEqual((await dash).diagnostics.map((d) => d.code), ['query/glob-with-equality-matcher']);
    const envOpened = client.nextDiagnostics(envUri);
    client.open(env, 'OTHER=1\n', 'dotenv');
    await envOpened;

    const recheck = client.nextDiagnostics(composeUri);
    client.change(envUri, 2, 'OTHER=1\nTAG=1.0\n');
    assert.deepEqual((await recheck).diagnostics, []);
    assert.deepEqual(client.published.get(dashboardUri)!.diagnostics.map((d) => d.code), ['query/glob-with-equality-matcher']);
  } finally {
    await client.stop();
  }
});
