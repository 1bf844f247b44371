// One log line as every log source delivers it (Loki or docker logs), its identity for deduplication,
// its level for colouring and its JSON fields for expansion.

export type Labels = Readonly<Record<string, string>>;

export interface LogEntry {
  /** Nanoseconds since the epoch (Loki's precision; docker gives ns too). */
  ns: bigint;
  /** Loki stream labels; for docker logs `{container, stream}`. */
  labels: Labels;
  line: string;
}

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'unknown';

/** `{a="1", b="2"}` with the names sorted: a stream's identity, as Loki prints it. */
export function labelsKey(labels: Labels): string {
  return `{${Object.keys(labels)
    .sort()
    .map((k) => `${k}=${JSON.stringify(labels[k])}`)
    .join(', ')}}`;
}

/** What makes two entries the same entry: Loki drops exact duplicates within a stream. */
export function entryKey(entry: LogEntry): string {
  return `${entry.ns}\u0000${labelsKey(entry.labels)}\u0000${entry.line}`;
}

const LEVEL_WORDS: Record<string, LogLevel> = {
  fatal: 'fatal', panic: 'fatal', crit: 'fatal', critical: 'fatal', emerg: 'fatal', alert: 'fatal',
  error: 'error', err: 'error', eror: 'error',
  warn: 'warn', warning: 'warn',
  info: 'info', information: 'info', notice: 'info', informational: 'info',
  debug: 'debug', dbug: 'debug', dbg: 'debug',
  trace: 'trace', trc: 'trace',
};

// Ordered from the most explicit form to the loosest; the first that names a known level wins.
const LEVEL_PATTERNS: RegExp[] = [
  /"(?:level|lvl|severity|log\.level|loglevel)"\s*:\s*"([A-Za-z]+)"/i, // JSON
  /(?:^|\s)(?:level|lvl|severity)=["']?([A-Za-z]+)/i, // logfmt
  /\[([A-Za-z]+)\]/, // [INFO]
  /\b(FATAL|PANIC|CRITICAL|CRIT|ERROR|ERR|WARNING|WARN|INFO|NOTICE|DEBUG|TRACE)\b/, // bare upper case
  /(?:^|[\s|:])(fatal|panic|error|warning|warn|info|debug|trace)(?:[\s:|]|$)/i, // "… error: …"
];

/** The line's level for colouring: logfmt, JSON, `[INFO]`, a bare `ERROR`, else 'unknown'. */
export function detectLevel(line: string): LogLevel {
  // Only the head of a line: levels come first, and a long line must not cost much.
  const head = line.length > 300 ? line.slice(0, 300) : line;
  for (const pattern of LEVEL_PATTERNS) {
    const word = pattern.exec(head)?.[1]?.toLowerCase();
    const level = word === undefined ? undefined : LEVEL_WORDS[word];
    if (level) return level;
  }
  return 'unknown';
}

/** The fields of a JSON object line, for the expanded view; undefined for anything else. */
export function parseJsonLine(line: string): Record<string, unknown> | undefined {
  const text = line.trim();
  if (!text.startsWith('{') || !text.endsWith('}')) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** ns epoch → milliseconds, for Date and display. */
export function nsToMs(ns: bigint): number {
  return Number(ns / 1_000_000n);
}

/** RFC3339 / RFC3339Nano (as docker prints it) → ns epoch; undefined if it is not one. */
export function rfc3339ToNs(text: string): bigint | undefined {
  const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(?:\.(\d{1,9}))?(Z|[+-]\d\d:\d\d)$/.exec(text);
  if (!m) return undefined;
  const ms = Date.parse(`${m[1]}${m[3]}`);
  if (Number.isNaN(ms)) return undefined;
  return BigInt(ms) * 1_000_000n + BigInt(((m[2] ?? '') + '000000000').slice(0, 9));
}
