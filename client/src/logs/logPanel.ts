// "Show logs": a webview panel per stack, service or container. Loki first (backfill then follow, with
// reconnects, through LogStream); when Loki is not reachable, the containers' own logs from Docker, said
// in the title. Lines reach the webview in batches from LogBuffer, never one message per line.
import { randomBytes } from 'node:crypto';
import Docker from 'dockerode';
import * as vscode from 'vscode';
import { followDockerContainer } from './dockerLogs';
import { LogBuffer, type LogBatch } from './logBuffer';
import type { LogEntry } from './logLine';
import { LokiClient } from './lokiClient';
import { readLokiSettings } from './lokiSettings';
import { LogStream, type LogStreamStatus } from './logStream';
import { isFromWebview, toViewLines, type StatusKind, type ToWebview } from './webview/messages';
import { panelHtml } from './webview/panelHtml';

export interface LogTarget {
  /** `obs`, `obs / loki`, `obs / loki / obs-loki-1`. */
  title: string;
  /** The LogQL selector the query box starts with. */
  selector: string;
  /** The containers to follow when Loki is not reachable. */
  containers: { id: string; name: string; service?: string }[];
  /** Lines from several services or containers: show where each comes from. */
  several: boolean;
}

const CAPACITY = 10_000;
const DOCKER_TAIL = 500;

interface Source {
  stop(): void;
}

export class LogPanel implements vscode.Disposable {
  private readonly panel: vscode.WebviewPanel;
  private buffer: LogBuffer;
  private source: Source | undefined;
  private ready = false;
  private generation = 0;
  private init: Extract<ToWebview, { type: 'init' }>;
  private lastStatus: Extract<ToWebview, { type: 'status' }> = { type: 'status', text: 'starting…', kind: 'progress' };
  private disposed = false;

  constructor(
    private readonly target: LogTarget,
    private readonly secrets: vscode.SecretStorage,
  ) {
    this.panel = vscode.window.createWebviewPanel('stacklens.logs', `Logs: ${target.title}`, vscode.ViewColumn.Active, {
      enableScripts: true,
      localResourceRoots: [],
      retainContextWhenHidden: true,
    });
    this.panel.webview.html = panelHtml(randomBytes(18).toString('base64'), `Logs: ${target.title}`);
    this.panel.webview.onDidReceiveMessage((m) => this.onMessage(m));
    this.panel.onDidDispose(() => this.dispose());
    this.init = { type: 'init', query: target.selector, lineFilter: '', queryEditable: true, source: '', capacity: CAPACITY };
    this.buffer = this.newBuffer();
    void this.run(target.selector, '');
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.generation++;
    this.source?.stop();
    this.buffer.dispose();
    this.panel.dispose();
  }

  private newBuffer(): LogBuffer {
    return new LogBuffer({ capacity: CAPACITY, onBatch: (batch) => this.sendBatch(batch) });
  }

  private sendBatch(batch: LogBatch): void {
    if (this.ready) this.post({ type: 'lines', lines: toViewLines(batch.entries, this.target.several), dropped: batch.droppedFromView });
  }

  private onMessage(message: unknown): void {
    if (!isFromWebview(message)) return;
    if (message.type === 'run') return void this.run(message.query, message.lineFilter);
    // The page (re)loaded: everything it should show, with the lines the buffer holds.
    this.buffer.flush();
    this.ready = true;
    this.post(this.init);
    this.post(this.lastStatus);
    this.post({ type: 'reset' });
    this.post({ type: 'lines', lines: toViewLines(this.buffer.lines(), this.target.several), dropped: this.buffer.droppedFromView });
  }

  private post(message: ToWebview): void {
    if (message.type === 'status') this.lastStatus = message;
    if (this.ready && !this.disposed) void this.panel.webview.postMessage(message);
  }

  private status(text: string, kind: StatusKind): void {
    this.post({ type: 'status', text, kind });
  }

  /** Starts (again) with this query and line filter: Loki if it is ready, else Docker. */
  private async run(query: string, lineFilter: string): Promise<void> {
    const generation = ++this.generation;
    this.source?.stop();
    this.source = undefined;
    this.buffer.dispose();
    this.buffer = this.newBuffer();
    this.post({ type: 'reset' });
    this.status('connecting to Loki…', 'progress');
    const client = new LokiClient(await readLokiSettings(this.secrets));
    let notReady: string | undefined;
    try {
      const ready = await client.ready();
      if (!ready.ready) notReady = `not ready: ${ready.message}`;
    } catch {
      notReady = 'not reachable';
    }
    if (generation !== this.generation) return;
    if (notReady) return this.followDocker(lineFilter, `Loki ${notReady} at ${client.url}`);
    this.setSource(query, lineFilter, true, `Loki ${client.url}`, this.target.title);
    const stream = new LogStream(client, { query, lineFilter }, {
      onEntries: (entries) => this.buffer.add(entries),
      onStatus: (status) => this.onStreamStatus(status),
      onDropped: (count) => this.status(`following (Loki dropped ${count} lines: reading too slowly)`, 'progress'),
    });
    this.source = stream;
    // A failure is reported through onStatus.
    await stream.start().catch(() => undefined);
  }

  private setSource(query: string, lineFilter: string, queryEditable: boolean, source: string, title: string): void {
    this.init = { type: 'init', query, lineFilter, queryEditable, source, capacity: CAPACITY };
    this.post(this.init);
    this.panel.title = `Logs: ${title}`;
  }

  private onStreamStatus(status: LogStreamStatus): void {
    switch (status.state) {
      case 'backfilling':
        return this.status('loading the last hour…', 'progress');
      case 'following':
        return this.status(status.resumed ? 'following (resumed)' : 'following', 'ok');
      case 'reconnecting':
        return this.status(`reconnecting in ${Math.ceil(status.inMs / 1000)} s: ${status.reason}`, 'progress');
      case 'failed':
        return this.status(`failed: ${status.error.message}`, 'error');
      case 'stopped':
        return;
    }
  }

  /** The containers' own logs; the line filter applies as `|=` would (a plain substring). */
  private async followDocker(lineFilter: string, why: string): Promise<void> {
    const generation = this.generation;
    this.setSource(this.init.query, lineFilter, false, `Docker logs (${why})`, `${this.target.title} (Docker logs: ${why})`);
    if (!vscode.workspace.isTrusted) return this.status('no Docker connection in an untrusted workspace', 'error');
    if (this.target.containers.length === 0) return this.status('no container to follow: the service is not created', 'error');
    const docker = new Docker();
    const keep = (entries: LogEntry[]) => (lineFilter ? entries.filter((e) => e.line.includes(lineFilter)) : entries);
    const follows: Source[] = [];
    this.source = { stop: () => follows.forEach((f) => f.stop()) };
    let running = 0;
    for (const container of this.target.containers) {
      try {
        const follow = await followDockerContainer(docker, container.id, {
          tail: DOCKER_TAIL,
          labels: container.service ? { service: container.service } : {},
          onEntries: (entries) => this.buffer.add(keep(entries)),
          onEnd: (error) => {
            if (generation !== this.generation) return;
            running--;
            this.status(error ? `${container.name}: ${error.message}` : running > 0 ? `following (${container.name} stopped)` : 'stopped: no container running', running > 0 ? 'ok' : 'error');
          },
        });
        if (generation !== this.generation) return follow.stop();
        follows.push(follow);
        running++;
      } catch (error) {
        this.status(`${container.name}: ${error instanceof Error ? error.message : String(error)}`, 'error');
      }
    }
    if (running > 0) this.status('following', 'ok');
  }
}
