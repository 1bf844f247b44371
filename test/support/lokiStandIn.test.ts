// The stand-in answers as Loki's docs and code say: shapes, defaults, limits and error texts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import { LokiStandIn, withLokiStandIn } from './lokiStandIn';

const T0 = 1_700_000_000_000_000_000n; // ns
const TENANT = { 'X-Scope-OrgID': 'team-a' };


async function get(loki: LokiStandIn, path: string, headers: Record<string, string> = TENANT) {
  const res = await fetch(loki.url + path, { headers });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

function seed(loki: LokiStandIn, tenant = 'team-a'): void {
  loki.push(tenant, [
    { stream: { app: 'api', env: 'prod' }, values: [0, 2, 4, 6].map((i) => [String(T0 + BigInt(i)), `api ${i}${i === 4 ? ' error' : ''}`]) },
    { stream: { app: 'web', env: 'prod' }, values: [1, 3, 5].map((i) => [String(T0 + BigInt(i)), `web ${i}`]) },
  ]);
}

const range = (q: string, extra = '') => `/loki/api/v1/query_range?query=${encodeURIComponent(q)}&start=${T0}&end=${T0 + 100n}${extra}`;

test('query_range: backward by default, limit across streams, start inclusive, end exclusive, the documented shape', async () => {
  await withLokiStandIn({}, async (loki) => {
    seed(loki);
    const res = await get(loki, range('{env="prod"}', '&limit=3'));
    assert.equal(res.status, 200);
    assert.match(res.type, /application\/json/);
    const body = JSON.parse(res.text);
    assert.equal(body.status, 'success');
    assert.equal(body.data.resultType, 'streams');
    assert.deepEqual(body.data.stats, {});
    const values = body.data.result.flatMap((s: { values: string[][] }) => s.values.map((v) => v[1]));
    assert.deepEqual(values.sort(), ['api 4 error', 'api 6', 'web 5']);
    for (const s of body.data.result) assert.ok(BigInt(s.values[0][0]) >= BigInt(s.values.at(-1)[0]), 'newest first');

    const window = JSON.parse((await get(loki, `/loki/api/v1/query_range?query=${encodeURIComponent('{app="api"}')}&start=${T0 + 2n}&end=${T0 + 6n}&direction=FORWARD`)).text);
    assert.deepEqual(window.data.result[0].values.map((v: string[]) => v[1]), ['api 2', 'api 4 error']);
  });
});

test('query_range: matchers, line filters and their errors, as plain text', async () => {
  await withLokiStandIn({}, async (loki) => {
    seed(loki);
    const lines = async (q: string) => JSON.parse((await get(loki, range(q))).text).data.result.flatMap((s: { values: string[][] }) => s.values.map((v) => v[1])).sort();
    assert.deepEqual(await lines('{app=~"a.*"} |= "error"'), ['api 4 error']);
    assert.deepEqual(await lines('{app!="api", env="prod"} != "3"'), ['web 1', 'web 5']);
    assert.deepEqual(await lines('{app!~"api|x", env=~"pr.d"} |~ "[15]$"'), ['web 1', 'web 5']);
    assert.deepEqual(await lines('{app="api"} !~ "error|0"'), ['api 2', 'api 6']);
    assert.deepEqual(await lines('{app=~"ap"}'), [], 'label regexps are anchored');

    const bad = await get(loki, range('app="api"'));
    assert.equal(bad.status, 400);
    assert.match(bad.type, /^text\/plain/);
    assert.match(bad.text, /^parse error at line 1, col 1: syntax error/);
    assert.match((await get(loki, range('{app=~".*"}'))).text, /queries require at least one regexp or equality matcher/);
    assert.equal((await get(loki, range('{app="api"}', '&direction=sideways'))).text, "invalid direction 'sideways'\n");
    assert.equal(
      (await get(loki, range('{app="api"}', '&limit=5001'))).text,
      'max entries limit per query exceeded, limit > max_entries_limit_per_query (5001 > 5000)\n',
    );
    assert.equal((await get(loki, range('{app="api"}', '&limit=0'))).text, 'limit must be a positive value\n');
  });
});

test('query_range: timestamps in ns, seconds (≤10 digits), float seconds and RFC3339; limit defaults to 100', async () => {
  await withLokiStandIn({}, async (loki) => {
    const base = 1_700_000_000n;
    loki.push('team-a', [{ stream: { app: 'x' }, values: Array.from({ length: 150 }, (_, i) => [String(base * 1_000_000_000n + BigInt(i) * 1_000_000n), `l${i}`] as [string, string]) }]);
    const count = async (params: string) => JSON.parse((await get(loki, `/loki/api/v1/query_range?query=%7Bapp%3D%22x%22%7D&${params}`)).text).data.result[0]?.values.length ?? 0;
    assert.equal(await count(`start=${base}&end=${base + 1n}`), 100, 'seconds; default limit 100');
    assert.equal(await count(`start=${base}.100&end=${base + 1n}&limit=1000`), 50, 'float seconds');
    assert.equal(await count(`start=2023-11-14T22:13:20.1Z&end=2023-11-14T22:13:20.149Z&limit=1000`), 49, 'RFC3339Nano, end exclusive');
    assert.equal((await get(loki, `/loki/api/v1/query_range?query=%7Bapp%3D%22x%22%7D&start=yesterday`)).status, 400);
  });
});

test('tenancy: multi-tenant rejects a missing X-Scope-OrgID with 401 "no org id"; tenants do not see each other; single-tenant is "fake"', async () => {
  await withLokiStandIn({}, async (loki) => {
    seed(loki, 'team-a');
    const noOrg = await get(loki, range('{app="api"}'), {});
    assert.deepEqual([noOrg.status, noOrg.text], [401, 'no org id\n']);
    const other = JSON.parse((await get(loki, range('{app="api"}'), { 'X-Scope-OrgID': 'team-b' })).text);
    assert.deepEqual(other.data.result, []);
  });
  await withLokiStandIn({ tenancy: 'single' }, async (loki) => {
    seed(loki, 'fake');
    assert.equal(JSON.parse((await get(loki, range('{app="api"}'), {})).text).data.result[0].values.length, 4);
  });
});

test('auth in front of Loki: basic and bearer, 401 without; requests and headers are recorded', async () => {
  await withLokiStandIn({ auth: { kind: 'basic', user: 'u', password: 'p' } }, async (loki) => {
    assert.equal((await get(loki, '/ready', {})).status, 401);
    assert.equal((await get(loki, '/ready', { Authorization: `Basic ${Buffer.from('u:p').toString('base64')}` })).status, 200);
    assert.equal(loki.requestCount('/ready'), 2);
    assert.equal(loki.requests.at(-1)?.headers.authorization, `Basic ${Buffer.from('u:p').toString('base64')}`);
  });
  await withLokiStandIn({ auth: { kind: 'bearer', token: 't0k' } }, async (loki) => {
    assert.equal((await get(loki, '/ready', { Authorization: 'Bearer nope' })).status, 401);
    assert.equal((await get(loki, '/ready', { Authorization: 'Bearer t0k' })).status, 200);
  });
});

test('ready, labels, label values; push over HTTP; stop and restart keep the data on the same port', async () => {
  await withLokiStandIn({}, async (loki) => {
    assert.deepEqual(await get(loki, '/ready'), { status: 200, type: 'text/plain; charset=utf-8', text: 'ready\n' });
    loki.setStarting();
    const starting = await get(loki, '/ready');
    assert.deepEqual([starting.status, starting.text], [503, 'Ingester not ready: waiting for 15s after being ready\n']);
    loki.setReady();

    const now = BigInt(Date.now()) * 1_000_000n;
    const push = await fetch(loki.url + '/loki/api/v1/push', {
      method: 'POST',
      headers: { ...TENANT, 'Content-Type': 'application/json' },
      body: JSON.stringify({ streams: [{ stream: { app: 'api', pod: 'a-1' }, values: [[String(now), 'hello']] }, { stream: { app: 'db' }, values: [[String(now), 'x']] }] }),
    });
    assert.equal(push.status, 204);
    assert.deepEqual(JSON.parse((await get(loki, '/loki/api/v1/labels')).text), { status: 'success', data: ['app', 'pod'] });
    assert.deepEqual(JSON.parse((await get(loki, '/loki/api/v1/label/app/values')).text).data, ['api', 'db']);
    assert.deepEqual(JSON.parse((await get(loki, `/loki/api/v1/label/app/values?query=${encodeURIComponent('{pod=~".+"}')}`)).text).data, ['api']);

    const url = loki.url;
    await loki.stop();
    await assert.rejects(fetch(url + '/ready'));
    await loki.restart();
    assert.equal(loki.url, url);
    assert.equal(JSON.parse((await get(loki, `/loki/api/v1/query_range?query=${encodeURIComponent('{app="api"}')}`)).text).data.result[0].values[0][1], 'hello');
  });
});

interface TailSession {
  messages: Array<{ streams?: Array<{ stream: Record<string, string>; values: string[][] }>; dropped_entries?: unknown[] }>;
  pings: number;
  closed: Promise<{ code: number; reason: string }>;
  ws: WebSocket;
}

function tail(loki: LokiStandIn, params: string, headers: Record<string, string> = TENANT): Promise<TailSession> {
  const ws = new WebSocket(`${loki.url.replace('http', 'ws')}/loki/api/v1/tail?${params}`, { headers });
  const session: TailSession = {
    messages: [],
    pings: 0,
    ws,
    closed: new Promise((resolve) => ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
  };
  ws.on('message', (data) => session.messages.push(JSON.parse(data.toString())));
  ws.on('ping', () => session.pings++);
  return new Promise((resolve, reject) => {
    ws.on('open', () => resolve(session));
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => reject(new Error(`${res.statusCode} ${body}`)));
    });
    ws.on('error', reject);
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const q = (s: string) => encodeURIComponent(s);

test('tail: history from start then live entries, ≤100 entries a message with one stream object each, pings every second', async () => {
  await withLokiStandIn({ tailIdleThrottleMs: 20 }, async (loki) => {
    const now = BigInt(Date.now() - 1000) * 1_000_000n;
    loki.push('team-a', [{ stream: { app: 'api' }, values: [[String(now - 2n), 'old'], [String(now), 'recent']] }]);
    const session = await tail(loki, `query=${q('{app="api"}')}&start=${now - 1n}`);
    const later = BigInt(Date.now() - 1) * 1_000_000n;
    loki.push('team-a', [{ stream: { app: 'api' }, values: Array.from({ length: 250 }, (_, i) => [String(later + BigInt(i)), `live ${i}`] as [string, string]) }]);
    loki.push('team-a', [{ stream: { app: 'other' }, values: [[String(later), 'not mine']] }]);
    await sleep(1300);
    const lines = session.messages.flatMap((m) => m.streams!.flatMap((s) => s.values.map((v) => v[1])));
    assert.deepEqual(lines, ['recent', ...Array.from({ length: 250 }, (_, i) => `live ${i}`)]);
    assert.ok(session.messages.every((m) => m.streams!.length <= 100 && m.streams!.every((s) => s.values.length === 1)));
    assert.ok(session.messages.every((m) => !('dropped_entries' in m)));
    assert.ok(session.pings >= 1, 'pinged');
    session.ws.close();
  });
});

test('tail: bad query and delay_for > 5 are refused with plain-text 400 before the upgrade; tail_max_duration closes 1011', async () => {
  await withLokiStandIn({ tailMaxDurationMs: 200 }, async (loki) => {
    await assert.rejects(tail(loki, `query=${q('{app=api}')}`), /^Error: 400 parse error/);
    await assert.rejects(tail(loki, `query=${q('{app="api"}')}&delay_for=6`), { message: "400 delay_for can't be greater than 5\n" });
    await assert.rejects(tail(loki, `query=${q('{app="api"}')}`, {}), { message: '401 no org id\n' });
    const session = await tail(loki, `query=${q('{app="api"}')}`);
    assert.deepEqual(await session.closed, { code: 1011, reason: 'reached tail max duration limit' });
    assert.equal(loki.activeTails(), 0);
  });
});

test('tail: the 11th concurrent tail of a tenant is closed 1011 with the limit error (or refused 400 before the upgrade)', async () => {
  await withLokiStandIn({}, async (loki) => {
    const sessions = await Promise.all(Array.from({ length: 10 }, () => tail(loki, `query=${q('{app="api"}')}`)));
    const other = await tail(loki, `query=${q('{app="api"}')}`, { 'X-Scope-OrgID': 'team-b' });
    const eleventh = await tail(loki, `query=${q('{app="api"}')}`);
    assert.deepEqual(await eleventh.closed, {
      code: 1011,
      reason: 'rpc error: code = Code(400) desc = max concurrent tail requests limit exceeded, count > limit (11 > 10)',
    });
    assert.equal(loki.activeTails('team-a'), 10);
    for (const s of [...sessions, other]) s.ws.close();
  });
  await withLokiStandIn({ tailLimitResponse: 'http400', maxConcurrentTails: 1 }, async (loki) => {
    const first = await tail(loki, `query=${q('{app="api"}')}`);
    await assert.rejects(tail(loki, `query=${q('{app="api"}')}`), { message: '400 max concurrent tail requests limit exceeded, count > limit (2 > 1)\n' });
    first.ws.close();
  });
});

test('tail: stop() cuts tails without a close frame (as a killed Loki would)', async () => {
  const loki = new LokiStandIn();
  await loki.start();
  const session = await tail(loki, `query=${q('{app="api"}')}`);
  await loki.stop();
  assert.equal((await session.closed).code, 1006);
});
