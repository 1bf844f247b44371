// "Show logs": the newest lines of a query (query_range backward), then the live ones (the tail
// WebSocket), and after any disconnect (Loki restarted, network, close 1011 at tail_max_duration) a
// bounded exponential backoff, the gap filled with query_range forward and the tail resumed from the
// last timestamp seen: no line lost, none shown twice.
import { LokiError, type LokiClient } from './lokiClient';
import { openTail, type TailConnection, type TailEnd } from './lokiTail';
import { labelsKey, type LogEntry } from './logLine';

export interface LogStreamOptions {
  /** The user's LogQL log query. */
  query: string;
  /** Extra text the lines must contain (appended as `|= "text"`). */
  lineFilter?: string;
  backfillLimit?: number; // default 1000
  backfillSinceMs?: number; // default 1 h
  /** Page size of the gap fill after a reconnect (≤ Loki's max_entries_limit_per_query). */
  fillLimit?: number; // default 1000
  /** The tail's own look-back limit (it sends the newest entries from `start`). */
  tailLimit?: number; // default 1000
  delayFor?: number; // seconds, default 0
  backoff?: { initialMs?: number; maxMs?: number }; // default 250 ms doubling to 10 s
  /** Silence (no ping) after which a tail is taken for dead. */
  livenessMs?: number;
}

export type LogStreamStatus =
  | { state: 'backfilling' }
  | { state: 'following'; resumed: boolean }
  | { state: 'reconnecting'; attempt: number; inMs: number; reason: string; error?: LokiError }
  | { state: 'failed'; error: LokiError }
  | { state: 'stopped' };

export interface LogStreamEvents {
  /** New lines, oldest first within a call. */
  onEntries(entries: LogEntry[]): void;
  onStatus?(status: LogStreamStatus): void;
  /** Lines Loki dropped because we read too slowly. */
  onDropped?(count: number): void;
}

/** `query |= "text"`: the extra filter as a LogQL line filter (a no-op for blank text). */
export function withLineFilter(query: string, text: string | undefined): string {
  const trimmed = query.trim();
  if (!text) return trimmed;
  return `${trimmed} |= ${JSON.stringify(text)}`;
}

/** The resume point: the newest timestamp delivered, and the entries delivered at exactly that time. */
export class ResumeCursor {
  lastNs: bigint | undefined;
  private atLast: LogEntry[] = [];

  /** The entries not delivered yet, in their order; remembers them. */
  accept(entries: LogEntry[]): LogEntry[] {
    const fresh: LogEntry[] = [];
    for (const e of entries) {
      if (this.lastNs === undefined || e.ns > this.lastNs) {
        this.lastNs = e.ns;
        this.atLast = [e];
      } else if (e.ns === this.lastNs) {
        if (this.atLast.some((seen) => seen.line === e.line && labelsKey(seen.labels) === labelsKey(e.labels))) continue;
        this.atLast.push(e);
      }
      // Older than lastNs: a late arrival on the live tail, never seen (resumes start at lastNs).
      fresh.push(e);
    }
    return fresh;
  }
}

export class LogStream {
  readonly query: string;
  private readonly cursor = new ResumeCursor();
  private tail?: TailConnection;
  private timer?: NodeJS.Timeout;
  private attempt = 0;
  private stopped = false;
  private tailStart = 0n;
  private backfilled = false;

  constructor(
    private readonly client: LokiClient,
    private readonly options: LogStreamOptions,
    private readonly events: LogStreamEvents,
  ) {
    this.query = withLineFilter(options.query, options.lineFilter);
  }

  /** Backfills, then follows; rejects if the backfill failed for a reason a retry cannot fix. */
  async start(): Promise<void> {
    const error = await this.backfill();
    if (error) throw error;
  }

  private async backfill(): Promise<LokiError | undefined> {
    this.status({ state: 'backfilling' });
    const start = BigInt(Date.now() - (this.options.backfillSinceMs ?? 3_600_000)) * 1_000_000n;
    this.tailStart = start;
    try {
      const newest = await this.client.queryRange({ query: this.query, start, limit: this.options.backfillLimit ?? 1000, direction: 'backward' });
      this.deliver(newest.reverse());
    } catch (error) {
      if (error instanceof LokiError && !error.transient) {
        this.fail(error);
        return error;
      }
      this.retry(String((error as Error).message), error instanceof LokiError ? error : undefined);
      return undefined;
    }
    this.backfilled = true;
    this.follow(false);
    return undefined;
  }

  stop(): void {
    if (this.stopped) return;
    this.stopped = true;
    clearTimeout(this.timer);
    this.tail?.close();
    this.status({ state: 'stopped' });
  }

  private follow(resumed: boolean): void {
    if (this.stopped) return;
    let steady: NodeJS.Timeout | undefined;
    this.tail = openTail(
      this.client,
      { query: this.query, start: this.cursor.lastNs ?? this.tailStart, limit: this.options.tailLimit ?? 1000, delayFor: this.options.delayFor },
      {
        onOpen: () => {
          this.status({ state: 'following', resumed });
          // Reset the backoff only once the tail has held (Loki may close right after the upgrade).
          steady = setTimeout(() => (this.attempt = 0), 1000);
        },
        onEntries: (entries) => this.deliver(entries),
        onDropped: (dropped) => this.events.onDropped?.(dropped.length),
        onEnd: (end) => {
          clearTimeout(steady);
          this.tailEnded(end);
        },
      },
      this.options.livenessMs,
    );
  }

  private tailEnded(end: TailEnd): void {
    if (end.byUs || this.stopped) return;
    if (end.error && !end.error.transient) return this.fail(end.error);
    this.retry(end.error?.message ?? `tail closed (${end.code}${end.reason ? ` ${end.reason}` : ''})`, end.error);
  }

  private retry(reason: string, error?: LokiError): void {
    if (this.stopped) return;
    this.attempt++;
    const { initialMs = 250, maxMs = 10_000 } = this.options.backoff ?? {};
    const inMs = Math.min(maxMs, initialMs * 2 ** Math.min(this.attempt - 1, 30));
    this.status({ state: 'reconnecting', attempt: this.attempt, inMs, reason, error });
    this.timer = setTimeout(() => void this.resume(), inMs);
  }

  /** Fills the gap since the last line seen with query_range forward, then tails from there. */
  private async resume(): Promise<void> {
    if (!this.backfilled) return void (await this.backfill());
    const page = this.options.fillLimit ?? 1000;
    try {
      for (let start = this.cursor.lastNs ?? this.tailStart; !this.stopped; ) {
        const entries = await this.client.queryRange({ query: this.query, start, limit: page, direction: 'forward' });
        if (this.stopped) return;
        this.deliver(entries);
        if (entries.length < page) break;
        const last = entries[entries.length - 1].ns;
        // A page all at one timestamp cannot advance by time: step past it (more than `page` lines in 1 ns).
        start = last === start ? last + 1n : last;
      }
    } catch (error) {
      if (error instanceof LokiError && !error.transient) return this.fail(error);
      return this.retry(String((error as Error).message), error instanceof LokiError ? error : undefined);
    }
    this.follow(true);
  }

  private deliver(entries: LogEntry[]): void {
    if (this.stopped || entries.length === 0) return;
    const fresh = this.cursor.accept(entries);
    if (fresh.length > 0) this.events.onEntries(fresh);
  }

  private fail(error: LokiError): void {
    if (this.stopped) return;
    this.stopped = true;
    this.tail?.close();
    this.status({ state: 'failed', error });
  }

  private status(status: LogStreamStatus): void {
    this.events.onStatus?.(status);
  }
}
