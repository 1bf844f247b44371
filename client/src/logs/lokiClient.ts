// Loki's HTTP API as StackLens uses it: query_range, labels, label values, ready; the tail's URL and
// headers. Errors say what went wrong and where, with Loki's plain-text message; never a secret.
import type { LogEntry } from './logLine';

export type LokiAuth = { kind: 'basic'; user: string; password: string } | { kind: 'bearer'; token: string };

export interface LokiSettings {
  url?: string; // default http://localhost:3100
  tenant?: string; // X-Scope-OrgID
  auth?: LokiAuth;
  timeoutMs?: number; // per HTTP request, default 10 s
}

export type LokiErrorKind = 'unreachable' | 'unauthorized' | 'badRequest' | 'tailLimit' | 'server' | 'protocol';

export class LokiError extends Error {
  constructor(
    message: string,
    readonly kind: LokiErrorKind,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'LokiError';
  }

  /** Worth retrying: Loki may come back, or a tail slot may free up. */
  get transient(): boolean {
    return this.kind === 'unreachable' || this.kind === 'server' || this.kind === 'tailLimit';
  }
}

export interface QueryRangeParams {
  query: string;
  /** ns epoch, inclusive. */
  start?: bigint;
  /** ns epoch, exclusive. */
  end?: bigint;
  limit?: number;
  direction?: 'forward' | 'backward';
}

export const DEFAULT_LOKI_URL = 'http://localhost:3100';

interface StreamsResponse {
  status?: string;
  data?: { resultType?: string; result?: Array<{ stream?: Record<string, string>; values?: Array<[string, string]> }> };
}

export class LokiClient {
  /** The base URL without credentials or a trailing slash: safe to show. */
  readonly url: string;
  private readonly base: URL;

  constructor(private readonly settings: LokiSettings = {}) {
    this.base = new URL(settings.url || DEFAULT_LOKI_URL);
    this.base.username = '';
    this.base.password = '';
    this.url = this.base.toString().replace(/\/+$/, '');
  }

  /** The headers every request carries: tenant and auth. */
  headers(): Record<string, string> {
    const headers: Record<string, string> = {};
    if (this.settings.tenant) headers['X-Scope-OrgID'] = this.settings.tenant;
    const auth = this.settings.auth;
    if (auth?.kind === 'basic') headers.Authorization = `Basic ${Buffer.from(`${auth.user}:${auth.password}`).toString('base64')}`;
    if (auth?.kind === 'bearer') headers.Authorization = `Bearer ${auth.token}`;
    return headers;
  }

  endpoint(path: string, params: Record<string, string | number | bigint | undefined> = {}, websocket = false): URL {
    const url = new URL(this.base.toString());
    url.pathname = url.pathname.replace(/\/+$/, '') + path;
    for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, String(v));
    if (websocket) url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
    return url;
  }

  /** Entries of a log query, flattened across streams and ordered by time in `direction`. */
  async queryRange(params: QueryRangeParams): Promise<LogEntry[]> {
    const direction = params.direction ?? 'backward';
    const body = (await this.getJson('/loki/api/v1/query_range', {
      query: params.query,
      start: params.start,
      end: params.end,
      limit: params.limit,
      direction,
    })) as StreamsResponse;
    if (body.data?.resultType !== 'streams') {
      throw new LokiError(`Loki at ${this.url} answered a ${body.data?.resultType ?? 'malformed'} result; a log query (not a metric query) is needed`, 'protocol');
    }
    return sortEntries(streamsToEntries(body.data.result ?? []), direction);
  }

  async labels(params: { start?: bigint; end?: bigint; query?: string } = {}): Promise<string[]> {
    return ((await this.getJson('/loki/api/v1/labels', params)) as { data?: string[] }).data ?? [];
  }

  async labelValues(name: string, params: { start?: bigint; end?: bigint; query?: string } = {}): Promise<string[]> {
    return ((await this.getJson(`/loki/api/v1/label/${encodeURIComponent(name)}/values`, params)) as { data?: string[] }).data ?? [];
  }

  /** /ready: 200 `ready`, or 503 with what Loki is waiting for. Throws only when Loki cannot be reached. */
  async ready(): Promise<{ ready: boolean; message: string }> {
    const res = await this.request('/ready', {});
    const text = (await res.text()).trim();
    return { ready: res.status === 200, message: this.redact(text) };
  }

  private async getJson(path: string, params: Record<string, string | number | bigint | undefined>): Promise<unknown> {
    const res = await this.request(path, params);
    const text = await res.text();
    if (!res.ok) throw this.httpError(res.status, text);
    try {
      return JSON.parse(text);
    } catch {
      throw new LokiError(`Loki at ${this.url} answered ${path} with something that is not JSON: ${this.redact(text.slice(0, 200))}`, 'protocol');
    }
  }

  private async request(path: string, params: Record<string, string | number | bigint | undefined>): Promise<Response> {
    try {
      return await fetch(this.endpoint(path, params), {
        headers: this.headers(),
        signal: AbortSignal.timeout(this.settings.timeoutMs ?? 10_000),
      });
    } catch (error) {
      throw this.unreachable(error);
    }
  }

  /** The error for a connection that failed before any HTTP answer. */
  unreachable(error: unknown): LokiError {
    const err = error as (Error & { code?: string; cause?: { code?: string; message?: string } }) | undefined;
    const why = err?.name === 'TimeoutError' ? 'timed out' : (err?.cause?.code ?? err?.code ?? err?.cause?.message ?? err?.message ?? String(error));
    return new LokiError(`Loki is not reachable at ${this.url} (${this.redact(why)})`, 'unreachable');
  }

  /** The error for an HTTP answer other than success, with Loki's plain-text message. */
  httpError(status: number, body: string): LokiError {
    const message = this.redact(body.trim()).slice(0, 500);
    if (status === 401 || status === 403) {
      const hint = /no org id/i.test(message)
        ? 'this Loki is multi-tenant: set the tenant (X-Scope-OrgID)'
        : 'check the Loki credentials (basic user/password or bearer token)';
      return new LokiError(`Loki at ${this.url} refused the request (${status}${message ? `: ${message}` : ''}): ${hint}`, 'unauthorized', status);
    }
    if (/max concurrent tail requests limit exceeded/.test(message)) return tailLimitError(this.url, message, status);
    const kind: LokiErrorKind = status >= 500 ? 'server' : 'badRequest';
    const what = status >= 500 ? 'failed' : 'rejected the query';
    return new LokiError(`Loki at ${this.url} ${what} (${status}): ${message || 'no message'}`, kind, status);
  }

  /** Removes any secret of the settings from a text that came from elsewhere. */
  redact(text: string): string {
    const auth = this.settings.auth;
    const secrets = auth?.kind === 'basic' ? [auth.password, this.headers().Authorization] : auth?.kind === 'bearer' ? [auth.token] : [];
    let out = text;
    for (const s of secrets) if (s) out = out.split(s).join('***');
    return out;
  }
}

/** The 10-tails-per-tenant limit, worded so the user knows what to do. */
export function tailLimitError(url: string, lokiMessage: string, status?: number): LokiError {
  const detail = /max concurrent tail requests limit exceeded.*/.exec(lokiMessage)?.[0] ?? lokiMessage;
  return new LokiError(
    `Loki at ${url} allows no more live tails for this tenant (${detail}); close other live log views or raise limits_config.max_concurrent_tail_requests`,
    'tailLimit',
    status,
  );
}

export function streamsToEntries(result: Array<{ stream?: Record<string, string>; values?: Array<[string, string]> }>): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const { stream = {}, values = [] } of result) for (const [ts, line] of values) entries.push({ ns: BigInt(ts), labels: stream, line });
  return entries;
}

export function sortEntries(entries: LogEntry[], direction: 'forward' | 'backward'): LogEntry[] {
  const sign = direction === 'forward' ? 1 : -1;
  return entries.sort((a, b) => (a.ns < b.ns ? -sign : a.ns > b.ns ? sign : 0));
}
