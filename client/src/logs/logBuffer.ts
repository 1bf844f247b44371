// Between a log source and the view: lines arrive one message at a time (hundreds a second), the view
// gets them in batches at most every `flushMs`, and only the newest `capacity` lines are kept; what
// falls off is counted so the view can say "N older lines dropped from view".
import type { LogEntry } from './logLine';

export interface LogBatch {
  /** New lines since the previous batch, oldest first (at most `capacity`). */
  entries: LogEntry[];
  /** Lines evicted from the buffer since it started (never shown, or scrolled off). */
  droppedFromView: number;
  /** Lines the buffer holds now. */
  size: number;
}

export interface LogBufferOptions {
  capacity?: number; // default 10,000
  flushMs?: number; // default 75
  onBatch(batch: LogBatch): void;
}

export class LogBuffer {
  readonly capacity: number;
  private readonly flushMs: number;
  private readonly ring: Array<LogEntry | undefined>;
  private head = 0; // index of the oldest line
  private count = 0;
  private pending: LogEntry[] = [];
  private dropped = 0;
  private lastFlush = -Infinity;
  private timer?: NodeJS.Timeout;

  constructor(private readonly options: LogBufferOptions) {
    this.capacity = Math.max(1, options.capacity ?? 10_000);
    this.flushMs = options.flushMs ?? 75;
    this.ring = new Array(this.capacity);
  }

  get size(): number {
    return this.count;
  }

  get droppedFromView(): number {
    return this.dropped;
  }

  add(entries: readonly LogEntry[]): void {
    for (const e of entries) {
      const tail = (this.head + this.count) % this.capacity;
      this.ring[tail] = e;
      if (this.count < this.capacity) this.count++;
      else {
        this.head = (this.head + 1) % this.capacity;
        this.dropped++;
      }
      this.pending.push(e);
    }
    // Lines that fell off before they were ever sent need not be sent.
    if (this.pending.length > this.capacity) this.pending = this.pending.slice(this.pending.length - this.capacity);
    this.schedule();
  }

  /** Every line held, oldest first: for a view that opens (or re-renders) late. */
  lines(): LogEntry[] {
    const out: LogEntry[] = new Array(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.ring[(this.head + i) % this.capacity]!;
    return out;
  }

  clear(): void {
    this.ring.fill(undefined);
    this.head = this.count = 0;
    this.pending = [];
  }

  /** Sends what is pending now (e.g. when the view becomes visible). */
  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.lastFlush = performance.now();
    if (this.pending.length === 0) return;
    const entries = this.pending;
    this.pending = [];
    this.options.onBatch({ entries, droppedFromView: this.dropped, size: this.count });
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.pending = [];
  }

  private schedule(): void {
    if (this.timer || this.pending.length === 0) return;
    const wait = Math.max(0, this.lastFlush + this.flushMs - performance.now());
    this.timer = setTimeout(() => this.flush(), wait);
  }
}
