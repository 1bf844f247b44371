import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { withLokiStandIn } from '../../../test/support/lokiStandIn';
import { LokiClient, LokiError } from './lokiClient';

const T0 = 1_700_000_000_000_000_000n;


/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  return port;
}

test('queryRange: entries of all streams merged by time, in the asked direction; labels and values', async () => {
  await withLokiStandIn({ tenancy: 'single' }, async (loki) => {
    loki.push('fake', [
      { stream: { app: 'api' }, values: [[`${T0 + 1n}`, 'a1'], [`${T0 + 3n}`, 'a3']] },
      { stream: { app: 'web' }, values: [[`${T0 + 2n}`, 'w2'], [`${T0 + 4n}`, 'w4']] },
    ]);
    const client = new LokiClient({ url: loki.url });
    const backward = await client.queryRange({ query: '{app=~".+"}', start: T0, end: T0 + 10n, limit: 3 });
    assert.deepEqual(backward.map((e) => e.line), ['w4', 'a3', 'w2']);
    assert.deepEqual(backward[0], { ns: T0 + 4n, labels: { app: 'web' }, line: 'w4' });
    const forward = await client.queryRange({ query: '{app=~".+"}', start: T0, end: T0 + 10n, direction: 'forward' });
    assert.deepEqual(forward.map((e) => e.line), ['a1', 'w2', 'a3', 'w4']);
    assert.deepEqual(await client.labels({ start: T0, end: T0 + 10n }), ['app']);
    assert.deepEqual(await client.labelValues('app', { start: T0, end: T0 + 10n }), ['api', 'web']);
  });
});

test('ready: true on 200, false with Loki\'s text on 503', async () => {
  await withLokiStandIn({}, async (loki) => {
    const client = new LokiClient({ url: loki.url });
    assert.deepEqual(await client.ready(), { ready: true, message: 'ready' });
    loki.setStarting();
    assert.deepEqual(await client.ready(), { ready: false, message: 'Ingester not ready: waiting for 15s after being ready' });
  });
});

test('auth: basic, bearer and X-Scope-OrgID are sent; a refusal says what to fix and never shows a secret', async () => {
  await withLokiStandIn({ auth: { kind: 'basic', user: 'grafana', password: 's3cret-pw' } }, async (loki) => {
    const good = new LokiClient({ url: loki.url, tenant: 'team-a', auth: { kind: 'basic', user: 'grafana', password: 's3cret-pw' } });
    assert.deepEqual(await good.queryRange({ query: '{app="x"}' }), []);
    const seen = loki.requests.at(-1)!.headers;
    assert.equal(seen.authorization, `Basic ${Buffer.from('grafana:s3cret-pw').toString('base64')}`);
    assert.equal(seen['x-scope-orgid'], 'team-a');

    const wrong = new LokiClient({ url: loki.url, tenant: 'team-a', auth: { kind: 'basic', user: 'grafana', password: 'typo-pw' } });
    const error = (await wrong.queryRange({ query: '{app="x"}' }).catch((e: LokiError) => e)) as LokiError;
    assert.ok(error instanceof LokiError);
    assert.equal(error.kind, 'unauthorized');
    assert.equal(error.message, `Loki at ${loki.url} refused the request (401: Unauthorized): check the Loki credentials (basic user/password or bearer token)`);
    assert.doesNotMatch(error.message + error.stack, /typo-pw|Basic /);
  });
  await withLokiStandIn({ auth: { kind: 'bearer', token: 'tok-123' } }, async (loki) => {
    const noTenant = new LokiClient({ url: loki.url, auth: { kind: 'bearer', token: 'tok-123' } });
    const error = (await noTenant.labels().catch((e: LokiError) => e)) as LokiError;
    assert.equal(error.message, `Loki at ${loki.url} refused the request (401: no org id): this Loki is multi-tenant: set the tenant (X-Scope-OrgID)`);
    assert.equal(loki.requests.at(-1)!.headers.authorization, 'Bearer tok-123');
    assert.deepEqual(await new LokiClient({ url: loki.url, tenant: 't', auth: { kind: 'bearer', token: 'tok-123' } }).labels(), []);
  });
});

test('errors: a bad query shows Loki\'s plain-text message; an unreachable Loki names the URL (without credentials)', async () => {
  await withLokiStandIn({ tenancy: 'single' }, async (loki) => {
    const client = new LokiClient({ url: loki.url + '/' });
    await assert.rejects(client.queryRange({ query: '{app="x"' }), {
      name: 'LokiError',
      kind: 'badRequest',
      message: `Loki at ${loki.url} rejected the query (400): parse error at line 1, col 9: syntax error: expecting , or }`,
    });
    await assert.rejects(client.queryRange({ query: '{app="x"}', limit: 10_000 }), {
      message: `Loki at ${loki.url} rejected the query (400): max entries limit per query exceeded, limit > max_entries_limit_per_query (10000 > 5000)`,
    });
  });
  const port = await closedPort();
  const client = new LokiClient({ url: `http://admin:hunter2@127.0.0.1:${port}`, auth: { kind: 'bearer', token: 'tok' } });
  const error = (await client.ready().catch((e: LokiError) => e)) as LokiError;
  assert.equal(error.message, `Loki is not reachable at http://127.0.0.1:${port} (ECONNREFUSED)`);
  assert.equal(error.kind, 'unreachable');
  assert.ok(error.transient);
  assert.equal(new LokiClient().url, 'http://localhost:3100');
});
