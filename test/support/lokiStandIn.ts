// A Loki stand-in for tests and benches: the HTTP API and the tail WebSocket as Loki documents and
// implements them (push, query_range, labels, label values, ready, tail), per tenant, with the tail's
// limits (100 entries a message, 1 s pings, max duration close 1011, 10 concurrent tails) and controls
// to simulate a restart. Listens on 127.0.0.1 only. Errors are plain text, as Loki's are.
import * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import { BadRequest, type Labels, type LogQuery, nowNs, parseDuration, parseLogQuery, parseTimestamp } from './lokiStandInQuery';

export interface LokiStandInOptions {
  /** The port to listen on; default an ephemeral one (kept across restarts). */
  port?: number;
  /** Missing `X-Scope-OrgID`: 'multi' rejects with 401 `no org id` (auth_enabled), 'single' uses `fake`. */
  tenancy?: 'multi' | 'single';
  /** A reverse proxy's auth in front of Loki: requests without it get 401. */
  auth?: { kind: 'basic'; user: string; password: string } | { kind: 'bearer'; token: string };
  tailMaxDurationMs?: number; // querier.tail_max_duration, default 1 h
  maxConcurrentTails?: number; // limits_config.max_concurrent_tail_requests, default 10
  maxEntriesLimitPerQuery?: number; // default 5000
  /** Loki upgrades first and then closes 1011 with the limit error; 'http400' answers before the upgrade. */
  tailLimitResponse?: 'close1011' | 'http400';
  pingIntervalMs?: number; // 1 s in Loki
  /** How long the tailer sleeps when it has nothing to send (500 ms in Loki). */
  tailIdleThrottleMs?: number;
  /** Entries are dropped (and reported in dropped_entries) while this many bytes wait on the socket. */
  tailBufferedLimitBytes?: number;
}

export interface RequestRecord {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
}

interface Entry {
  ns: bigint;
  line: string;
}

interface Stream {
  labels: Labels;
  entries: Entry[]; // sorted by ns
}

interface StreamEntry extends Entry {
  labels: Labels;
}

interface Tail {
  tenant: string;
  query: LogQuery;
  delayNs: bigint;
  queue: StreamEntry[]; // sorted by ns, oldest first
  dropped: Array<{ labels: Labels; timestamp: string }>;
  ws: WebSocket;
  timers: NodeJS.Timeout[];
  pump?: NodeJS.Timeout;
}

const MAX_ENTRIES_PER_MESSAGE = 100;
const MAX_DROPPED_PER_MESSAGE = 1000;
const HOUR_NS = 3_600_000_000_000n;
const RECORDS_KEPT = 10_000;

export class LokiStandIn {
  readonly requests: RequestRecord[] = [];
  private readonly tenants = new Map<string, Map<string, Stream>>();
  private readonly tails = new Set<Tail>();
  private readonly wss = new WebSocketServer({ noServer: true });
  private server?: http.Server;
  private readiness: { ready: true } | { ready: false; message: string } = { ready: true };
  private boundPort = 0;
  private readonly opts: Required<Omit<LokiStandInOptions, 'auth' | 'port'>> & Pick<LokiStandInOptions, 'auth'>;

  constructor(options: LokiStandInOptions = {}) {
    this.boundPort = options.port ?? 0;
    this.opts = {
      tenancy: 'multi',
      tailMaxDurationMs: 3_600_000,
      maxConcurrentTails: 10,
      maxEntriesLimitPerQuery: 5000,
      tailLimitResponse: 'close1011',
      pingIntervalMs: 1000,
      tailIdleThrottleMs: 500,
      tailBufferedLimitBytes: 8 * 1024 * 1024,
      ...options,
    };
  }

  get url(): string {
    return `http://127.0.0.1:${this.boundPort}`;
  }

  get running(): boolean {
    return this.server !== undefined;
  }

  /** Listens on 127.0.0.1 (an ephemeral port the first time, the same port after a restart). */
  async start(): Promise<string> {
    if (this.server) return this.url;
    const server = http.createServer((req, res) => this.handle(req, res));
    server.on('upgrade', (req, socket, head) => this.upgrade(req, socket, head));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.boundPort, '127.0.0.1', () => resolve());
    });
    this.boundPort = (server.address() as { port: number }).port;
    this.server = server;
    return this.url;
  }

  /** Stops as a killed process would: sockets cut without a close frame. The data is kept. */
  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    for (const tail of this.tails) this.endTail(tail, () => tail.ws.terminate());
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async restart(): Promise<void> {
    await this.stop();
    await this.start();
  }

  /** While "starting", /ready answers 503 with this text, as Loki does during its ingester wait. */
  setStarting(message = 'Ingester not ready: waiting for 15s after being ready'): void {
    this.readiness = { ready: false, message };
  }

  setReady(): void {
    this.readiness = { ready: true };
  }

  activeTails(tenant?: string): number {
    return [...this.tails].filter((t) => tenant === undefined || t.tenant === tenant).length;
  }

  requestCount(path?: string): number {
    return path === undefined ? this.requests.length : this.requests.filter((r) => r.path === path).length;
  }

  /** Stores entries as a push would (also used by the HTTP push). */
  push(tenant: string, streams: Array<{ stream: Labels; values: Array<[string, string]> }>): void {
    let store = this.tenants.get(tenant);
    if (!store) this.tenants.set(tenant, (store = new Map()));
    const fresh: StreamEntry[] = [];
    for (const { stream: labels, values } of streams) {
      const key = labelsKey(labels);
      let stream = store.get(key);
      if (!stream) store.set(key, (stream = { labels: { ...labels }, entries: [] }));
      for (const [ts, line] of values) {
        const entry = { ns: BigInt(ts), line };
        if (insertEntry(stream.entries, entry)) fresh.push({ ...entry, labels: stream.labels });
      }
    }
    for (const tail of this.tails) {
      if (tail.tenant !== tenant) continue;
      for (const e of fresh) if (tail.query.matches(e.labels) && tail.query.keeps(e.line)) insertEntry(tail.queue, e, false);
    }
  }

  // ---- HTTP ----

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.record(req, url.pathname);
    const reply = (status: number, body: string, type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body) });
      res.end(body);
    };
    const denied = this.authProblem(req);
    if (denied) return reply(401, denied);
    if (url.pathname === '/ready') {
      return this.readiness.ready ? reply(200, 'ready\n') : reply(503, this.readiness.message + '\n');
    }
    const tenant = this.tenantOf(req);
    if (tenant === undefined) return reply(401, 'no org id\n');
    const json = (data: unknown) => reply(200, JSON.stringify(data, (_k, v) => (typeof v === 'bigint' ? v.toString() : v)), 'application/json; charset=UTF-8');
    try {
      if (url.pathname === '/loki/api/v1/push' && req.method === 'POST') return this.readPush(req, tenant, reply);
      if (url.pathname === '/loki/api/v1/query_range') return json(this.queryRange(tenant, url.searchParams));
      if (url.pathname === '/loki/api/v1/labels') return json({ status: 'success', data: this.labelNames(tenant, url.searchParams) });
      const values = /^\/loki\/api\/v1\/label\/([^/]+)\/values$/.exec(url.pathname);
      if (values) return json({ status: 'success', data: this.labelValues(tenant, decodeURIComponent(values[1]), url.searchParams) });
      if (url.pathname === '/loki/api/v1/tail') return reply(400, 'websocket: the client is not using the websocket protocol\n');
      reply(404, '404 page not found\n');
    } catch (error) {
      if (error instanceof BadRequest) return reply(400, error.message + '\n');
      reply(500, String((error as Error).message) + '\n');
    }
  }

  private record(req: http.IncomingMessage, path: string): void {
    this.requests.push({ method: req.method ?? 'GET', path, headers: { ...req.headers } });
    if (this.requests.length > RECORDS_KEPT) this.requests.splice(0, this.requests.length - RECORDS_KEPT);
  }

  private authProblem(req: http.IncomingMessage): string | undefined {
    const auth = this.opts.auth;
    if (!auth) return undefined;
    const expected =
      auth.kind === 'basic' ? `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}` : `Bearer ${auth.token}`;
    return req.headers.authorization === expected ? undefined : 'Unauthorized\n';
  }

  private tenantOf(req: http.IncomingMessage): string | undefined {
    const header = req.headers['x-scope-orgid'];
    const id = Array.isArray(header) ? header[0] : header;
    if (id) return id;
    return this.opts.tenancy === 'single' ? 'fake' : undefined;
  }

  private readPush(req: http.IncomingMessage, tenant: string, reply: (status: number, body: string) => void): void {
    if (!/^application\/json/.test(req.headers['content-type'] ?? '')) {
      reply(415, 'the stand-in accepts JSON pushes only (Content-Type: application/json)\n');
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { streams?: Array<{ stream: Labels; values: Array<[string, string]> }> };
        this.push(tenant, body.streams ?? []);
        reply(204, '');
      } catch (error) {
        reply(400, `loghttp.PushRequest: ${(error as Error).message}\n`);
      }
    });
  }

  private queryRange(tenant: string, params: URLSearchParams) {
    const query = parseLogQuery(params.get('query') ?? '');
    const limit = this.parseLimit(params.get('limit'));
    const end = parseTimestamp(params.get('end'), nowNs());
    const since = params.get('since');
    const start = parseTimestamp(params.get('start'), end - (since ? parseDuration(since) : HOUR_NS));
    const raw = params.get('direction') ?? 'backward';
    const direction = raw.toLowerCase();
    if (direction !== 'forward' && direction !== 'backward') throw new BadRequest(`invalid direction '${raw}'`);
    const picked = this.select(tenant, query, start, end, limit, direction);
    const byStream = new Map<Labels, Array<[string, string]>>();
    for (const e of picked) {
      const values = byStream.get(e.labels) ?? [];
      values.push([e.ns.toString(), e.line]);
      byStream.set(e.labels, values);
    }
    const result = [...byStream].map(([stream, values]) => ({ stream, values }));
    return { status: 'success', data: { resultType: 'streams', result, stats: {} } };
  }

  private parseLimit(raw: string | null): number {
    const limit = raw === null || raw === '' ? 100 : Number(raw);
    if (!Number.isInteger(limit)) throw new BadRequest(`strconv.ParseInt: parsing "${raw}": invalid syntax`);
    if (limit <= 0) throw new BadRequest('limit must be a positive value');
    const max = this.opts.maxEntriesLimitPerQuery;
    if (limit > max) throw new BadRequest(`max entries limit per query exceeded, limit > max_entries_limit_per_query (${limit} > ${max})`);
    return limit;
  }

  /** Entries with start <= ns < end, the `limit` first in `direction`, in that order. */
  private select(tenant: string, query: LogQuery, start: bigint, end: bigint, limit: number, direction: 'forward' | 'backward'): StreamEntry[] {
    const all: StreamEntry[] = [];
    for (const stream of this.tenants.get(tenant)?.values() ?? []) {
      if (!query.matches(stream.labels)) continue;
      for (const e of stream.entries) if (e.ns >= start && e.ns < end && query.keeps(e.line)) all.push({ ...e, labels: stream.labels });
    }
    all.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0));
    if (direction === 'backward') all.reverse();
    return all.slice(0, limit);
  }

  private streamsInRange(tenant: string, params: URLSearchParams): Stream[] {
    const end = parseTimestamp(params.get('end'), nowNs());
    const since = params.get('since');
    const start = parseTimestamp(params.get('start'), end - (since ? parseDuration(since) : 6n * HOUR_NS));
    const selector = params.get('query');
    const query = selector ? parseLogQuery(selector) : undefined;
    return [...(this.tenants.get(tenant)?.values() ?? [])].filter(
      (s) => (!query || query.matches(s.labels)) && s.entries.some((e) => e.ns >= start && e.ns < end),
    );
  }

  private labelNames(tenant: string, params: URLSearchParams): string[] {
    return [...new Set(this.streamsInRange(tenant, params).flatMap((s) => Object.keys(s.labels)))].sort();
  }

  private labelValues(tenant: string, name: string, params: URLSearchParams): string[] {
    const values = this.streamsInRange(tenant, params).map((s) => s.labels[name]).filter((v): v is string => v !== undefined);
    return [...new Set(values)].sort();
  }

  // ---- tail ----

  private upgrade(req: http.IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    this.record(req, url.pathname);
    const refuse = (status: number, body: string) => {
      socket.end(
        `HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nContent-Type: text/plain; charset=utf-8\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
      );
    };
    if (url.pathname !== '/loki/api/v1/tail') return refuse(404, '404 page not found\n');
    const denied = this.authProblem(req);
    if (denied) return refuse(401, denied);
    const tenant = this.tenantOf(req);
    if (tenant === undefined) return refuse(401, 'no org id\n');
    let query: LogQuery, delayNs: bigint, limit: string | null, start: bigint;
    try {
      const params = url.searchParams;
      query = parseLogQuery(params.get('query') ?? '');
      const delay = Number(params.get('delay_for') ?? '0');
      if (!Number.isInteger(delay)) throw new BadRequest(`strconv.Atoi: parsing "${params.get('delay_for')}": invalid syntax`);
      if (delay > 5) throw new BadRequest("delay_for can't be greater than 5");
      delayNs = BigInt(delay) * 1_000_000_000n;
      limit = params.get('limit');
      start = parseTimestamp(params.get('start'), nowNs() - HOUR_NS);
    } catch (error) {
      return refuse(400, (error as Error).message + '\n');
    }
    const overLimit = this.tailLimitProblem(tenant);
    if (overLimit && this.opts.tailLimitResponse === 'http400') return refuse(400, overLimit + '\n');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      // As in Loki's querier: the limit and history checks run after the upgrade, errors close 1011.
      let history: StreamEntry[];
      try {
        if (overLimit) throw new Error(`rpc error: code = Code(400) desc = ${overLimit}`);
        history = this.select(tenant, query, start, nowNs(), this.parseLimit(limit), 'backward').reverse();
      } catch (error) {
        ws.close(1011, (error as Error).message.slice(0, 120));
        return;
      }
      this.startTail({ tenant, query, delayNs, queue: history, dropped: [], ws, timers: [] });
    });
  }

  private tailLimitProblem(tenant: string): string | undefined {
    const count = this.activeTails(tenant);
    const limit = this.opts.maxConcurrentTails;
    return count >= limit ? `max concurrent tail requests limit exceeded, count > limit (${count + 1} > ${limit})` : undefined;
  }

  private startTail(tail: Tail): void {
    this.tails.add(tail);
    tail.timers.push(setInterval(() => tail.ws.ping(), this.opts.pingIntervalMs));
    tail.timers.push(setTimeout(() => this.endTail(tail, () => tail.ws.close(1011, 'reached tail max duration limit')), this.opts.tailMaxDurationMs));
    tail.ws.on('close', () => this.endTail(tail));
    tail.ws.on('error', () => this.endTail(tail, () => tail.ws.terminate()));
    this.pumpTail(tail);
  }

  private endTail(tail: Tail, how?: () => void): void {
    if (!this.tails.delete(tail)) return;
    for (const t of tail.timers) clearTimeout(t);
    clearTimeout(tail.pump);
    how?.();
  }

  /** Loki's tailer loop: up to 100 due entries a message, one stream object each; idle → throttle. */
  private pumpTail(tail: Tail): void {
    if (!this.tails.has(tail)) return;
    const due = nowNs() - tail.delayNs;
    const streams: Array<{ stream: Labels; values: Array<[string, string]> }> = [];
    let taken = 0;
    while (taken < MAX_ENTRIES_PER_MESSAGE && tail.queue.length > taken && tail.queue[taken].ns < due) taken++;
    const batch = tail.queue.splice(0, taken);
    const blocked = tail.ws.bufferedAmount > this.opts.tailBufferedLimitBytes;
    for (const e of batch) {
      if (blocked) {
        if (tail.dropped.length < MAX_DROPPED_PER_MESSAGE) tail.dropped.push({ labels: e.labels, timestamp: e.ns.toString() });
      } else {
        streams.push({ stream: e.labels, values: [[e.ns.toString(), e.line]] });
      }
    }
    if (streams.length > 0) {
      const message: { streams: typeof streams; dropped_entries?: Tail['dropped'] } = { streams };
      if (tail.dropped.length > 0) message.dropped_entries = tail.dropped.splice(0);
      tail.ws.send(JSON.stringify(message));
    }
    tail.pump = setTimeout(() => this.pumpTail(tail), taken > 0 ? 0 : this.opts.tailIdleThrottleMs);
  }
}

/** `{a="1", b="2"}` with the names sorted: a stream's identity. */
export function labelsKey(labels: Labels): string {
  return `{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(', ')}}`;
}

/** Inserts in ns order (usually at the end); false for a stream's exact duplicate, which Loki also drops. */
function insertEntry<T extends Entry>(entries: T[], entry: T, dedupe = true): boolean {
  let i = entries.length;
  while (i > 0 && entries[i - 1].ns > entry.ns) i--;
  for (let j = i - 1; dedupe && j >= 0 && entries[j].ns === entry.ns; j--) if (entries[j].line === entry.line) return false;
  entries.splice(i, 0, entry);
  return true;
}

/** Runs `run` against a started stand-in, and stops it whatever happens. */
export async function withLokiStandIn(options: LokiStandInOptions, run: (loki: LokiStandIn) => Promise<void>): Promise<void> {
  const loki = new LokiStandIn(options);
  await loki.start();
  try {
    await run(loki);
  } finally {
    await loki.stop();
  }
}
