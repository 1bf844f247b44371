// One connection to Loki's tail WebSocket: its messages as entries, its end as one reason. Reconnecting
// and resuming are logStream's job; this file knows the protocol (pings, close 1011, refusals).
import WebSocket from 'ws';
import { LokiError, streamsToEntries, tailLimitError, type LokiClient } from './lokiClient';
import type { Labels, LogEntry } from './logLine';

export interface TailParams {
  query: string;
  /** ns epoch; Loki sends the entries from here (up to `limit`, newest) before the live ones. */
  start?: bigint;
  /** Seconds Loki holds entries back to order late ones (0..5). */
  delayFor?: number;
  limit?: number;
}

export interface DroppedEntry {
  labels: Labels;
  ns: bigint;
}

export interface TailEnd {
  /** The WebSocket close code (1006 when the connection was cut or never made). */
  code: number;
  reason: string;
  /** Set when Loki refused or failed the tail, or could not be reached. */
  error?: LokiError;
  /** True when we closed it ourselves. */
  byUs: boolean;
}

export interface TailHandlers {
  onOpen?(): void;
  onEntries(entries: LogEntry[]): void;
  /** Entries Loki could not send because we read too slowly (`dropped_entries`). */
  onDropped?(dropped: DroppedEntry[]): void;
  /** Called once, whatever ended the tail. */
  onEnd(end: TailEnd): void;
}

export interface TailConnection {
  close(): void;
}

/** Loki pings every second; this much silence means the connection is dead even if TCP says not. */
const DEFAULT_LIVENESS_MS = 5_000;

interface TailMessage {
  streams?: Array<{ stream?: Record<string, string>; values?: Array<[string, string]> }>;
  dropped_entries?: Array<{ labels?: Record<string, string>; timestamp?: string }>;
}

export function openTail(client: LokiClient, params: TailParams, handlers: TailHandlers, livenessMs = DEFAULT_LIVENESS_MS): TailConnection {
  const url = client.endpoint(
    '/loki/api/v1/tail',
    { query: params.query, start: params.start, delay_for: params.delayFor, limit: params.limit },
    true,
  );
  const ws = new WebSocket(url, { headers: client.headers(), handshakeTimeout: livenessMs });
  let ended = false;
  let liveness: NodeJS.Timeout | undefined;
  const end = (result: TailEnd) => {
    if (ended) return;
    ended = true;
    clearTimeout(liveness);
    handlers.onEnd(result);
  };
  const alive = () => {
    clearTimeout(liveness);
    liveness = setTimeout(() => {
      end({ code: 1006, reason: `no ping from Loki for ${livenessMs / 1000} s`, byUs: false });
      ws.terminate();
    }, livenessMs);
  };

  ws.on('open', () => {
    alive();
    handlers.onOpen?.();
  });
  ws.on('ping', alive);
  ws.on('message', (data: WebSocket.RawData) => {
    alive();
    if (ended) return;
    let message: TailMessage;
    try {
      message = JSON.parse(data.toString()) as TailMessage;
    } catch {
      return; // not a tail message; nothing to show
    }
    if (message.streams?.length) handlers.onEntries(streamsToEntries(message.streams));
    if (message.dropped_entries?.length) {
      handlers.onDropped?.(message.dropped_entries.map((d) => ({ labels: d.labels ?? {}, ns: BigInt(d.timestamp ?? '0') })));
    }
  });
  ws.on('unexpected-response', (req, res) => {
    // Loki refused before the upgrade (bad query, auth, limit): its plain-text body is the message.
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => {
      end({ code: 1006, reason: 'refused', error: client.httpError(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8')), byUs: false });
      req.destroy();
    });
    res.on('error', () => undefined);
  });
  ws.on('error', (error) => {
    end({ code: 1006, reason: error.message, error: client.unreachable(error), byUs: false });
  });
  ws.on('close', (code: number, reason: Buffer) => {
    const text = reason.toString('utf8');
    // Loki closes 1011 both for "reached tail max duration limit" (resume) and for errors it met.
    const error = /max concurrent tail requests limit exceeded/.test(text)
      ? tailLimitError(client.url, text)
      : code === 1011 && text !== 'reached tail max duration limit'
        ? new LokiError(`Loki at ${client.url} ended the tail: ${client.redact(text)}`, 'server')
        : undefined;
    end({ code, reason: text || (code === 1006 ? 'connection lost' : ''), error, byUs: false });
  });

  return {
    close: () => {
      end({ code: 1000, reason: 'closed', byUs: true });
      if (ws.readyState === WebSocket.CONNECTING) ws.terminate();
      else ws.close(1000);
    },
  };
}
