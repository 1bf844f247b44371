import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LokiStandIn } from '../../../test/support/lokiStandIn';
import { LokiClient } from './lokiClient';
import { openTail, type TailConnection, type TailEnd } from './lokiTail';
import type { LogEntry } from './logLine';

function tail(client: LokiClient, query: string, start?: bigint) {
  const entries: LogEntry[] = [];
  let opened = false;
  let connection!: TailConnection;
  const ended = new Promise<TailEnd>((resolve) => {
    connection = openTail(client, { query, start }, { onOpen: () => (opened = true), onEntries: (e) => entries.push(...e), onEnd: resolve });
  });
  return { entries, ended, connection, opened: () => opened };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('tail: live entries as LogEntry; closing it ourselves ends it once, byUs', async () => {
  const loki = new LokiStandIn({ tenancy: 'single', tailIdleThrottleMs: 10 });
  await loki.start();
  const client = new LokiClient({ url: loki.url });
  const t = tail(client, '{app="api"}');
  while (!t.opened()) await sleep(5);
  const ns = BigInt(Date.now() - 5) * 1_000_000n;
  loki.push('fake', [{ stream: { app: 'api' }, values: [[`${ns}`, 'one'], [`${ns + 1n}`, 'two']] }]);
  while (t.entries.length < 2) await sleep(5);
  assert.deepEqual(t.entries, [
    { ns, labels: { app: 'api' }, line: 'one' },
    { ns: ns + 1n, labels: { app: 'api' }, line: 'two' },
  ]);
  t.connection.close();
  assert.deepEqual(await t.ended, { code: 1000, reason: 'closed', byUs: true });
  await loki.stop();
});

test('tail: the 11th tail of a tenant fails with a clear, non-secret message (close 1011 after the upgrade, or HTTP 400)', async () => {
  for (const tailLimitResponse of ['close1011', 'http400'] as const) {
    const loki = new LokiStandIn({ tailLimitResponse, auth: { kind: 'bearer', token: 'very-secret' } });
    await loki.start();
    const client = new LokiClient({ url: loki.url, tenant: 'ops', auth: { kind: 'bearer', token: 'very-secret' } });
    const ten = Array.from({ length: 10 }, () => tail(client, '{app="api"}'));
    while (loki.activeTails('ops') < 10) await sleep(5);
    const end = await tail(client, '{app="api"}').ended;
    assert.equal(end.error?.kind, 'tailLimit', tailLimitResponse);
    assert.equal(
      end.error?.message,
      `Loki at ${loki.url} allows no more live tails for this tenant (max concurrent tail requests limit exceeded, count > limit (11 > 10)); ` +
        'close other live log views or raise limits_config.max_concurrent_tail_requests',
    );
    assert.ok(end.error?.transient, 'a slot may free up: retried with backoff');
    for (const t of ten) t.connection.close();
    await loki.stop();
  }
});

test('tail: a bad query is refused with Loki\'s text; an unreachable Loki names the URL; a killed Loki ends the tail', async () => {
  const loki = new LokiStandIn({ tenancy: 'single' });
  await loki.start();
  const client = new LokiClient({ url: loki.url });
  const bad = await tail(client, '{app=api}').ended;
  assert.equal(bad.error?.kind, 'badRequest');
  assert.match(bad.error!.message, /^Loki at http:\/\/127\.0\.0\.1:\d+ rejected the query \(400\): parse error at line 1, col 6/);

  const t = tail(client, '{app="api"}');
  while (!t.opened()) await sleep(5);
  await loki.stop();
  const cut = await t.ended;
  assert.deepEqual([cut.code, cut.reason, cut.error, cut.byUs], [1006, 'connection lost', undefined, false]);

  const down = await tail(client, '{app="api"}').ended;
  assert.equal(down.error?.message, `Loki is not reachable at ${loki.url} (ECONNREFUSED)`);
});
