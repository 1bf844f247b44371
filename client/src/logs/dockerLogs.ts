// The fallback log source when no Loki is configured or reachable: `docker logs --follow --timestamps`
// through the Engine API (dockerode), stdout and stderr demultiplexed, as the same entries Loki gives.
import { StringDecoder } from 'node:string_decoder';
import { Writable } from 'node:stream';
import type Dockerode from 'dockerode';
import { rfc3339ToNs, type LogEntry } from './logLine';

/** The part of a dockerode Container this file uses (so a test can hand it a fake). */
export interface DockerLogSource {
  inspect(): Promise<{ Name: string; Config: { Tty?: boolean } }>;
  logs(options: { follow: true; stdout: boolean; stderr: boolean; timestamps: boolean; since?: string; tail?: number }): Promise<NodeJS.ReadableStream>;
}

export type Demux = (stream: NodeJS.ReadableStream, stdout: NodeJS.WritableStream, stderr: NodeJS.WritableStream) => void;

export interface DockerLogsOptions {
  /** Only lines at or after this time (ns epoch). */
  sinceNs?: bigint;
  /** Only the last N lines before following (docker's `--tail`). */
  tail?: number;
  /** Extra labels for every entry (e.g. the compose service). */
  labels?: Record<string, string>;
  onEntries(entries: LogEntry[]): void;
  /** The container stopped or the stream failed; not called after stop(). */
  onEnd?(error?: Error): void;
}

export interface DockerLogsFollow {
  stop(): void;
}

/** Follows a container by id or name through a dockerode client. */
export function followDockerContainer(docker: Dockerode, container: string, options: DockerLogsOptions): Promise<DockerLogsFollow> {
  return followContainerLogs(docker.getContainer(container) as unknown as DockerLogSource, docker.modem.demuxStream.bind(docker.modem), options);
}

export async function followContainerLogs(container: DockerLogSource, demux: Demux, options: DockerLogsOptions): Promise<DockerLogsFollow> {
  const info = await container.inspect();
  const name = info.Name.replace(/^\//, '');
  const stream = await container.logs({
    follow: true,
    stdout: true,
    stderr: true,
    timestamps: true,
    since: options.sinceNs === undefined ? undefined : nsToDockerSince(options.sinceNs),
    tail: options.tail,
  });
  let stopped = false;
  const sink = (kind: 'stdout' | 'stderr') => {
    const splitter = new DockerLineSplitter({ ...options.labels, container: name, stream: kind });
    return new Writable({
      write(chunk: Buffer, _encoding, done) {
        const entries = splitter.push(chunk);
        if (entries.length > 0 && !stopped) options.onEntries(entries);
        done();
      },
      final(done) {
        const entries = splitter.end();
        if (entries.length > 0 && !stopped) options.onEntries(entries);
        done();
      },
    });
  };
  const stdout = sink('stdout');
  const stderr = sink('stderr');
  // A TTY container's stream is not multiplexed: everything is stdout.
  if (info.Config.Tty) stream.pipe(stdout);
  else demux(stream, stdout, stderr);
  const ended = (error?: Error) => {
    if (stopped) return;
    stopped = true;
    stdout.end();
    stderr.end();
    options.onEnd?.(error);
  };
  stream.on('end', () => ended());
  stream.on('error', (error: Error) => ended(error));
  return {
    stop: () => {
      stopped = true;
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    },
  };
}

/** Docker's `since`: seconds with a fractional part. */
export function nsToDockerSince(ns: bigint): string {
  return `${ns / 1_000_000_000n}.${(ns % 1_000_000_000n).toString().padStart(9, '0')}`;
}

/** Splits one output stream into lines: `2024-05-01T10:00:00.123456789Z message` → entries. */
export class DockerLineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private partial = '';
  private lastNs = 0n;

  constructor(private readonly labels: Record<string, string>) {}

  push(chunk: Buffer): LogEntry[] {
    const text = this.partial + this.decoder.write(chunk);
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    return lines.map((l) => this.entry(l));
  }

  end(): LogEntry[] {
    const rest = this.partial + this.decoder.end();
    this.partial = '';
    return rest ? [this.entry(rest)] : [];
  }

  private entry(raw: string): LogEntry {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const space = text.indexOf(' ');
    const ns = space > 0 ? rfc3339ToNs(text.slice(0, space)) : undefined;
    // A line without a timestamp (should not happen with timestamps:true) keeps the previous time.
    if (ns !== undefined) this.lastNs = ns;
    return { ns: ns ?? this.lastNs, labels: this.labels, line: ns !== undefined ? text.slice(space + 1) : text };
  }
}
