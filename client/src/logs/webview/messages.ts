// The messages between the log panel (extension side) and its webview, and the lines as the webview
// draws them: time, level, text, whether the text is a JSON object it can expand. No vscode here.
import { detectLevel, nsToMs, parseJsonLine, type LogEntry, type LogLevel } from '../logLine';

export interface ViewLine {
  /** Local time with milliseconds: `14:03:07.123`. */
  time: string;
  level: LogLevel;
  text: string;
  /** Where the line came from when the panel follows several streams (container or stream labels). */
  source?: string;
  json: boolean;
}

export type StatusKind = 'ok' | 'progress' | 'error';

export type ToWebview =
  | { type: 'init'; query: string; lineFilter: string; queryEditable: boolean; source: string; capacity: number }
  | { type: 'reset' }
  | { type: 'lines'; lines: ViewLine[]; dropped: number }
  | { type: 'status'; text: string; kind: StatusKind };

export type FromWebview = { type: 'ready' } | { type: 'run'; query: string; lineFilter: string };

export function isFromWebview(message: unknown): message is FromWebview {
  const m = message as { type?: unknown; query?: unknown; lineFilter?: unknown } | undefined;
  if (m?.type === 'ready') return true;
  return m?.type === 'run' && typeof m.query === 'string' && typeof m.lineFilter === 'string';
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

export function timeOfDay(ns: bigint): string {
  const d = new Date(nsToMs(ns));
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}

/** Which label tells apart the streams of one panel: the container (docker logs), else the service. */
function sourceOf(entry: LogEntry): string | undefined {
  return entry.labels.container?.replace(/^\//, '') ?? entry.labels.service ?? entry.labels.service_name;
}

export function toViewLines(entries: readonly LogEntry[], withSource: boolean): ViewLine[] {
  return entries.map((e) => ({
    time: timeOfDay(e.ns),
    level: detectLevel(e.line),
    text: e.line,
    source: withSource ? sourceOf(e) : undefined,
    json: parseJsonLine(e.line) !== undefined,
  }));
}
