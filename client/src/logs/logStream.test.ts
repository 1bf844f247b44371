// Backfill, follow, and resume after every kind of disconnect, against the Loki stand-in: the lines
// received must be exactly the lines pushed, in order, none lost and none twice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as net from 'node:net';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { LokiStandIn, type LokiStandInOptions } from '../../../test/support/lokiStandIn';
import { LokiClient } from './lokiClient';
import { LogBuffer, type LogBatch } from './logBuffer';
import { LogStream, ResumeCursor, withLineFilter, type LogStreamOptions, type LogStreamStatus } from './logStream';
import { labelsKey, type LogEntry } from './logLine';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const FAST_BACKOFF = { initialMs: 50, maxMs: 400 };

/** Increasing ns timestamps a little in the past (Loki's tailer sends an entry once now > ts + delay_for). */
function clock(): () => bigint {
  let last = 0n;
  return () => {
    const now = BigInt(Date.now() - 2) * 1_000_000n;
    last = now > last ? now : last + 1n;
    return last;
  };
}

type Line = [ns: string, labels: string, line: string];
const asLines = (entries: LogEntry[]): Line[] => entries.map((e) => [String(e.ns), labelsKey(e.labels), e.line]);

/** Each tick pushes three lines at one timestamp: two on stream a, one on stream b. */
function batch(ns: bigint, i: number) {
  return [
    { stream: { app: 'shop', pod: 'a' }, values: [[`${ns}`, `a ${i} x`], [`${ns}`, `a ${i} y`]] as Array<[string, string]> },
    { stream: { app: 'shop', pod: 'b' }, values: [[`${ns}`, `b ${i}`]] as Array<[string, string]> },
  ];
}
const batchLines = (ns: bigint, i: number): Line[] => batch(ns, i).flatMap((s) => s.values.map(([t, l]) => [t, labelsKey(s.stream), l] as Line));

function follow(loki: LokiStandIn | string, options: Partial<LogStreamOptions> = {}, tenant?: string) {
  const client = new LokiClient({ url: typeof loki === 'string' ? loki : loki.url, tenant });
  const received: LogEntry[] = [];
  const statuses: LogStreamStatus[] = [];
  const stream = new LogStream(client, { query: '{app="shop"}', backoff: FAST_BACKOFF, ...options }, {
    onEntries: (e) => received.push(...e),
    onStatus: (s) => statuses.push(s),
  });
  return { stream, received, statuses, following: () => statuses.at(-1)?.state === 'following' };
}

async function until(what: string, condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

async function withLoki(options: LokiStandInOptions, run: (loki: LokiStandIn) => Promise<void>) {
  const loki = new LokiStandIn({ tenancy: 'single', tailIdleThrottleMs: 20, ...options });
  await loki.start();
  try {
    await run(loki);
  } finally {
    await loki.stop();
  }
}

test('withLineFilter: appends a correctly quoted |= filter; blank text leaves the query alone', () => {
  assert.equal(withLineFilter('{app="shop"}  ', 'say "hi" \\o/'), '{app="shop"} |= "say \\"hi\\" \\\\o/"');
  assert.equal(withLineFilter('{app="shop"} | json', 'timeout'), '{app="shop"} | json |= "timeout"');
  assert.equal(withLineFilter('{app="shop"}', ''), '{app="shop"}');
});

test('ResumeCursor: drops only entries already delivered at the newest timestamp', () => {
  const cursor = new ResumeCursor();
  const e = (ns: bigint, pod: string, line: string): LogEntry => ({ ns, labels: { pod }, line });
  assert.equal(cursor.accept([e(1n, 'a', 'x'), e(2n, 'a', 'x'), e(2n, 'b', 'x')]).length, 3);
  // A resume from ts 2 replays both entries at 2, and brings a new one at 2 and a newer one.
  assert.deepEqual(cursor.accept([e(2n, 'b', 'x'), e(2n, 'a', 'x'), e(2n, 'a', 'y'), e(3n, 'a', 'x')]), [e(2n, 'a', 'y'), e(3n, 'a', 'x')]);
  assert.equal(cursor.lastNs, 3n);
  // A late arrival (older than the newest) on the live tail is new by construction.
  assert.deepEqual(cursor.accept([e(1n, 'b', 'late')]), [e(1n, 'b', 'late')]);
});

test('backfill: the newest N lines, oldest first; then live lines; the extra line filter applies to both', async () => {
  await withLoki({}, async (loki) => {
    const now = BigInt(Date.now()) * 1_000_000n;
    const old: Line[] = [];
    for (let i = 0; i < 40; i++) {
      const ns = now - 60_000_000_000n + BigInt(i) * 1_000_000n;
      loki.push('fake', batch(ns, i));
      old.push(...batchLines(ns, i));
    }
    loki.push('fake', [{ stream: { app: 'other' }, values: [[`${now - 1000n}`, 'not shop']] }]);
    const f = follow(loki, { backfillLimit: 50 });
    await f.stream.start();
    assert.deepEqual(asLines(f.received).map((l) => l[0] + l[2]).sort(), old.slice(-50).map((l) => l[0] + l[2]).sort());
    const ns = f.received.map((e) => e.ns);
    assert.deepEqual(ns, [...ns].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)), 'oldest first');

    const filtered = follow(loki, { backfillLimit: 50, lineFilter: 'a 39' });
    await filtered.stream.start();
    assert.deepEqual(filtered.received.map((e) => e.line), ['a 39 x', 'a 39 y']);
    assert.equal(filtered.stream.query, '{app="shop"} |= "a 39"');

    await until('both following', () => f.following() && filtered.following());
    const live = clock()();
    loki.push('fake', batch(live, 100));
    await until('live lines', () => f.received.length === 53);
    assert.deepEqual(asLines(f.received.slice(50)), batchLines(live, 100));
    await sleep(100);
    assert.deepEqual(filtered.received.map((e) => e.line), ['a 39 x', 'a 39 y'], 'the filter holds on the tail too');
    f.stream.stop();
    filtered.stream.stop();
    assert.equal(f.statuses.at(-1)?.state, 'stopped');
  });
});

test('restart: lines pushed continuously over HTTP while Loki restarts twice arrive exactly once, in order', async () => {
  await withLoki({}, async (loki) => {
    const f = follow(loki);
    await f.stream.start();
    await until('following', f.following);
    const now = clock();
    const pushed: Line[] = [];
    let pushing = true;
    const pusher = (async () => {
      // Like Alloy or Promtail: one batch at a time, retried until Loki takes it.
      for (let i = 0; pushing; i++) {
        const ns = now();
        const body = JSON.stringify({ streams: batch(ns, i) });
        while (pushing) {
          const ok = await fetch(`${loki.url}/loki/api/v1/push`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
            .then((r) => r.ok)
            .catch(() => false);
          if (ok) break;
          await sleep(20);
        }
        pushed.push(...batchLines(ns, i));
        await sleep(5);
      }
    })();
    for (const downMs of [300, 150]) {
      await sleep(400);
      await loki.stop();
      await sleep(downMs);
      await loki.start();
    }
    await sleep(400);
    pushing = false;
    await pusher;
    await until('every pushed line', () => f.received.length >= pushed.length);
    await sleep(200); // a duplicate would show up now
    f.stream.stop();
    assert.ok(f.statuses.filter((s) => s.state === 'reconnecting').length >= 2, 'reconnected after each restart');
    assert.ok(pushed.length > 150, `pushed ${pushed.length}`);
    assert.deepEqual(asLines(f.received), pushed);
  });
});

test('resume fills a large gap with query_range forward pages (more lines than the tail look-back, page edges inside one timestamp)', async () => {
  await withLoki({}, async (loki) => {
    const f = follow(loki, { tailLimit: 100, fillLimit: 1000 });
    await f.stream.start();
    await until('following', f.following);
    const now = clock();
    const expected: Line[] = [];
    const first = now();
    loki.push('fake', batch(first, 0));
    expected.push(...batchLines(first, 0));
    await until('the first lines', () => f.received.length === 3);
    await loki.stop();
    // Lines ingested while the querier is away (as by another replica): 3,000 > tailLimit, 3 per ns.
    for (let i = 1; i <= 1000; i++) {
      const ns = first + BigInt(i);
      loki.push('fake', batch(ns, i));
      expected.push(...batchLines(ns, i));
    }
    await sleep(2);
    await loki.start();
    await until('the gap filled', () => f.received.length >= expected.length);
    await sleep(150);
    f.stream.stop();
    assert.deepEqual(asLines(f.received), expected);
  });
});

test('close 1011 "reached tail max duration limit": resumed at once-backoff, nothing lost or repeated', async () => {
  await withLoki({ tailMaxDurationMs: 250 }, async (loki) => {
    const f = follow(loki);
    await f.stream.start();
    const now = clock();
    const expected: Line[] = [];
    for (let i = 0; i < 120; i++) {
      const ns = now();
      loki.push('fake', batch(ns, i));
      expected.push(...batchLines(ns, i));
      await sleep(10);
    }
    await until('every line', () => f.received.length >= expected.length);
    await sleep(100);
    f.stream.stop();
    const closes = f.statuses.filter((s) => s.state === 'reconnecting' && s.reason === 'tail closed (1011 reached tail max duration limit)');
    assert.ok(closes.length >= 2, `${closes.length} max-duration closes`);
    assert.deepEqual(asLines(f.received), expected);
  });
});

test('Loki not up yet: retries with bounded backoff naming the URL, then backfills and follows', async () => {
  const server = net.createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((r) => server.close(r));
  const loki = new LokiStandIn({ port, tenancy: 'single', tailIdleThrottleMs: 20 });
  const f = follow(`http://127.0.0.1:${port}`, { backoff: { initialMs: 20, maxMs: 80 } });
  await f.stream.start();
  await until('three retries', () => f.statuses.filter((s) => s.state === 'reconnecting').length >= 3);
  const retries = f.statuses.filter((s): s is Extract<LogStreamStatus, { state: 'reconnecting' }> => s.state === 'reconnecting');
  assert.equal(retries[0].reason, `Loki is not reachable at http://127.0.0.1:${port} (ECONNREFUSED)`);
  assert.deepEqual(retries.slice(0, 3).map((r) => r.inMs), [20, 40, 80]);
  const ns = clock()();
  loki.push('fake', batch(ns, 0));
  await loki.start();
  await until('following', f.following, 2000);
  assert.deepEqual(asLines(f.received), batchLines(ns, 0));
  f.stream.stop();
  await loki.stop();
});

test('auth and tenant: sent on query_range and on the tail; a refusal fails the stream for good with the reason', async () => {
  await withLoki({ tenancy: 'multi', auth: { kind: 'basic', user: 'u', password: 'pw' } }, async (loki) => {
    const client = new LokiClient({ url: loki.url, tenant: 'team-a', auth: { kind: 'basic', user: 'u', password: 'pw' } });
    const statuses: LogStreamStatus[] = [];
    const ok = new LogStream(client, { query: '{app="shop"}' }, { onEntries: () => undefined, onStatus: (s) => statuses.push(s) });
    await ok.start();
    await until('following', () => statuses.at(-1)?.state === 'following');
    ok.stop();
    for (const path of ['/loki/api/v1/query_range', '/loki/api/v1/tail']) {
      const seen = loki.requests.find((r) => r.path === path)!.headers;
      assert.equal(seen.authorization, `Basic ${Buffer.from('u:pw').toString('base64')}`, path);
      assert.equal(seen['x-scope-orgid'], 'team-a', path);
    }
    const refused = follow(loki, {}, 'team-a');
    await assert.rejects(refused.stream.start(), { kind: 'unauthorized' });
    assert.equal(refused.statuses.at(-1)?.state, 'failed');
  });
});

test('the 10-tail limit: the 11th view says so and keeps retrying; a bad query fails at once', async () => {
  await withLoki({}, async (loki) => {
    const ten = Array.from({ length: 10 }, () => follow(loki));
    await Promise.all(ten.map((f) => f.stream.start()));
    await until('ten tails', () => loki.activeTails() === 10);
    const eleventh = follow(loki);
    await eleventh.stream.start();
    await until('refused', () => eleventh.statuses.some((s) => s.state === 'reconnecting'));
    const refusal = eleventh.statuses.find((s) => s.state === 'reconnecting') as Extract<LogStreamStatus, { state: 'reconnecting' }>;
    assert.equal(refusal.error?.kind, 'tailLimit');
    assert.match(refusal.reason, /allows no more live tails for this tenant \(max concurrent tail requests limit exceeded, count > limit \(11 > 10\)\)/);
    ten[0].stream.stop();
    await until('the 11th follows once a slot frees', eleventh.following, 3000);
    for (const f of [...ten, eleventh]) f.stream.stop();

    const bad = follow(loki, { query: '{app="shop"' });
    await assert.rejects(bad.stream.start(), /rejected the query \(400\): parse error/);
  });
});

test('load: 5,000 lines/s for 3 s reach the view complete and in order per stream, in bounded batches, without blocking the event loop', async () => {
  await withLoki({}, async (loki) => {
    const batches: Array<LogBatch & { at: number }> = [];
    const buffer = new LogBuffer({ capacity: 10_000, flushMs: 75, onBatch: (b) => batches.push({ ...b, at: performance.now() }) });
    const client = new LokiClient({ url: loki.url });
    const stream = new LogStream(client, { query: '{app="load"}', backoff: FAST_BACKOFF }, { onEntries: (e) => buffer.add(e) });
    await stream.start();
    await sleep(50);
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const now = clock();
    const pods = ['p0', 'p1', 'p2', 'p3', 'p4'];
    let sent = 0;
    const t0 = Date.now();
    // Every 20 ms, 100 lines (20 per pod): 5,000 lines/s; a self-correcting schedule.
    for (let tick = 0; tick < 150; tick++) {
      const values = pods.map((pod) => ({
        stream: { app: 'load', pod },
        values: Array.from({ length: 20 }, (_, i) => [`${now()}`, `level=info pod=${pod} seq=${tick * 20 + i} msg="request served"`] as [string, string]),
      }));
      loki.push('fake', values);
      sent += 100;
      await sleep(Math.max(0, t0 + (tick + 1) * 20 - Date.now()));
    }
    const pushSeconds = (Date.now() - t0) / 1000;
    await until('all lines in the view', () => batches.reduce((n, b) => n + b.entries.length, 0) >= sent, 5000);
    delay.disable();
    stream.stop();
    buffer.dispose();
    const all = batches.flatMap((b) => b.entries);
    assert.equal(all.length, sent);
    for (const pod of pods) {
      const seqs = all.filter((e) => e.labels.pod === pod).map((e) => Number(/seq=(\d+)/.exec(e.line)![1]));
      assert.deepEqual(seqs, Array.from({ length: 3000 }, (_, i) => i), `pod ${pod} complete and in order`);
    }
    const gaps = batches.slice(1).map((b, i) => b.at - batches[i].at);
    assert.ok(Math.min(...gaps) >= 70, `batches at least ~75 ms apart (min ${Math.min(...gaps).toFixed(1)})`);
    assert.ok(Math.max(...batches.map((b) => b.entries.length)) <= 10_000);
    assert.equal(batches.at(-1)!.droppedFromView, sent - 10_000);
    const p99 = delay.percentile(99) / 1e6;
    assert.ok(p99 < 100, `event-loop delay p99 ${p99.toFixed(1)} ms`);
    assert.ok(sent / pushSeconds > 4000, `${(sent / pushSeconds).toFixed(0)} lines/s pushed`);
  });
});
