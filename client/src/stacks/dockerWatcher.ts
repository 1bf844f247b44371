// Follows the Docker engine for a set of stacks: lists and inspects their containers, then refreshes on
// Docker events only (no polling), a burst of events making one refresh. When the engine goes away it
// says so, naming the DOCKER_HOST it tried, and reconnects with backoff.
import { EventEmitter } from 'node:events';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { LABEL } from './composeLabels';
import type { ContainerInspectData } from './containerState';
import { stackHealth, type StackHealth, type StackInput } from './stackHealth';

export type WatchState =
  | { reachable: true; dockerHost: string; stacks: StackHealth[] }
  | { reachable: false; dockerHost: string; error: string };

export interface DockerWatcherOptions {
  /** `unix:///path`, `npipe:////./pipe/x`, `tcp://host:port`; default DOCKER_HOST, then the platform socket. */
  dockerHost?: string;
  /** Events arriving within this window after the first make one refresh. */
  debounceMs?: number;
  /** Reconnection delay: doubles from `initial` up to `max` while the engine stays unreachable. */
  retryMs?: { initial: number; max: number };
}

// Actions that change what the view shows; exec_* (every healthcheck run), attach, resize, top do not.
// Docker appends details to some (`health_status: healthy`), hence the prefix match.
const STATE_ACTIONS = ['create', 'start', 'restart', 'stop', 'die', 'kill', 'oom', 'pause', 'unpause', 'destroy', 'rename', 'update', 'health_status'];

interface DockerEvent {
  Type?: string;
  Action?: string;
  Actor?: { ID?: string; Attributes?: Record<string, string> };
}

export declare interface DockerWatcher {
  on(event: 'change', listener: (state: WatchState) => void): this;
  once(event: 'change', listener: (state: WatchState) => void): this;
  off(event: 'change', listener: (state: WatchState) => void): this;
}

export class DockerWatcher extends EventEmitter {
  readonly dockerHost: string;
  /** Work done so far: a burst of events should cost one refresh, and a refresh inspect only what changed. */
  readonly stats = { refreshes: 0, inspects: 0 };
  private readonly docker: Docker;
  private readonly debounceMs: number;
  private readonly retry: { initial: number; max: number };
  private stacks: StackInput[];
  private current: WatchState | undefined;
  private currentJson = '';
  // Inspect data by container id; only containers named by events (or new, or changed state) are re-inspected.
  private readonly inspected = new Map<string, ContainerInspectData>();
  private dirty = new Set<string>();
  private connection: AbortController | undefined;
  private debounceTimer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryDelay: number;
  private refreshing: Promise<void> | undefined;
  private refreshAgain = false;
  private disposed = false;

  constructor(stacks: StackInput[], options: DockerWatcherOptions = {}) {
    super();
    this.stacks = stacks;
    this.dockerHost = options.dockerHost ?? process.env.DOCKER_HOST ?? defaultDockerHost();
    this.docker = new Docker(options.dockerHost ? modemOptions(options.dockerHost) : undefined);
    this.debounceMs = options.debounceMs ?? 150;
    this.retry = options.retryMs ?? { initial: 250, max: 10_000 };
    this.retryDelay = this.retry.initial;
  }

  /** The last state emitted; undefined until the first connection attempt has finished. */
  get state(): WatchState | undefined {
    return this.current;
  }

  /** Connects and resolves with the first state (reachable or not); later states come as `change`. */
  async start(): Promise<WatchState> {
    await this.connect();
    return this.current!;
  }

  setStacks(stacks: StackInput[]): void {
    this.stacks = stacks;
    if (this.connection) void this.refresh();
  }

  /** Re-reads the containers now (events make this unnecessary; for an explicit "refresh" command). */
  refresh(): Promise<void> {
    if (this.refreshing) {
      this.refreshAgain = true;
      return this.refreshing;
    }
    this.refreshing = (async () => {
      try {
        do {
          this.refreshAgain = false;
          await this.refreshOnce();
        } while (this.refreshAgain && !this.disposed);
      } finally {
        this.refreshing = undefined;
      }
    })();
    return this.refreshing;
  }

  dispose(): void {
    this.disposed = true;
    this.connection?.abort();
    this.connection = undefined;
    clearTimeout(this.debounceTimer);
    clearTimeout(this.retryTimer);
    this.removeAllListeners();
  }

  private async connect(): Promise<void> {
    if (this.disposed) return;
    const connection = new AbortController();
    try {
      // Subscribe before listing, so a change between the two is not lost.
      const stream = (await this.docker.getEvents({ filters: { type: ['container'] }, abortSignal: connection.signal })) as NodeJS.ReadableStream;
      if (this.disposed) return connection.abort();
      this.connection = connection;
      this.follow(stream, connection);
      this.inspected.clear();
      await this.refresh();
      if (this.connection === connection) this.retryDelay = this.retry.initial;
    } catch (error) {
      connection.abort();
      if (this.connection === connection) this.connection = undefined;
      this.unreachable(error);
    }
  }

  private follow(stream: NodeJS.ReadableStream, connection: AbortController): void {
    let buffered = '';
    stream.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) if (line.trim()) this.onEvent(parseEvent(line));
    });
    const lost = (error?: unknown) => {
      if (this.connection !== connection) return; // already handled, or disposed
      this.connection = undefined;
      connection.abort();
      // Try again at once: a stream can end without the engine going away.
      void this.connect().catch((e) => this.unreachable(e ?? error));
    };
    stream.on('end', () => lost());
    stream.on('close', () => lost());
    stream.on('error', (error) => lost(error));
  }

  private onEvent(event: DockerEvent | undefined): void {
    if (!event || event.Type !== 'container' || !event.Actor?.ID) return;
    const project = event.Actor.Attributes?.[LABEL.project];
    if (!project || !this.stacks.some((s) => s.projectName === project)) return;
    if (!STATE_ACTIONS.some((a) => event.Action?.startsWith(a))) return;
    this.dirty.add(event.Actor.ID);
    this.debounceTimer ??= setTimeout(() => {
      this.debounceTimer = undefined;
      void this.refresh();
    }, this.debounceMs);
  }

  private async refreshOnce(): Promise<void> {
    if (this.disposed || !this.connection) return;
    const connection = this.connection;
    const dirty = this.dirty;
    this.dirty = new Set();
    this.stats.refreshes++;
    try {
      const projects = [...new Set(this.stacks.map((s) => s.projectName))];
      const lists = await Promise.all(
        projects.map((p) => this.docker.listContainers({ all: true, filters: { label: [`${LABEL.project}=${p}`] } })),
      );
      const listed = lists.flat();
      const ids = new Set(listed.map((c) => c.Id));
      for (const id of this.inspected.keys()) if (!ids.has(id)) this.inspected.delete(id);
      // The listed state is a safety net for a change whose event was missed.
      const stale = listed.filter((c) => dirty.has(c.Id) || this.inspected.get(c.Id)?.State.Status !== c.State);
      const fresh = await Promise.all(stale.map((c) => this.inspect(c.Id)));
      for (const [i, c] of stale.entries()) {
        const data = fresh[i];
        if (data) this.inspected.set(c.Id, data);
        else this.inspected.delete(c.Id);
      }
      if (this.connection !== connection) return;
      const containers = [...this.inspected.values()];
      this.publish({ reachable: true, dockerHost: this.dockerHost, stacks: this.stacks.map((s) => stackHealth(s, containers)) });
    } catch (error) {
      for (const id of dirty) this.dirty.add(id);
      if (this.connection !== connection) return;
      // The engine went away between the events stream and this refresh: the same as losing the stream.
      this.connection = undefined;
      connection.abort();
      this.unreachable(error);
    }
  }

  /** Undefined when the container was removed meanwhile. */
  private async inspect(id: string): Promise<ContainerInspectData | undefined> {
    this.stats.inspects++;
    try {
      return (await this.docker.getContainer(id).inspect()) as ContainerInspectData;
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
  }

  private unreachable(error: unknown): void {
    if (this.disposed) return;
    this.publish({ reachable: false, dockerHost: this.dockerHost, error: errorMessage(error) });
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), this.retryDelay);
    this.retryDelay = Math.min(this.retryDelay * 2, this.retry.max);
  }

  private publish(state: WatchState): void {
    const json = JSON.stringify(state);
    this.current = state;
    if (json === this.currentJson) return;
    this.currentJson = json;
    this.emit('change', state);
  }
}

function parseEvent(line: string): DockerEvent | undefined {
  try {
    return JSON.parse(line) as DockerEvent;
  } catch {
    return undefined;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** What the Docker CLI and dockerode use without DOCKER_HOST (Docker Desktop's per-user socket first). */
export function defaultDockerHost(): string {
  if (process.platform === 'win32') return 'npipe:////./pipe/docker_engine';
  const user = path.join(os.homedir(), '.docker', 'run', 'docker.sock');
  return `unix://${fs.existsSync(user) ? user : '/var/run/docker.sock'}`;
}

function modemOptions(dockerHost: string): Docker.DockerOptions {
  if (dockerHost.startsWith('unix://')) return { socketPath: dockerHost.slice('unix://'.length) };
  if (dockerHost.startsWith('npipe://')) return { socketPath: dockerHost.slice('npipe://'.length) };
  const url = new URL(dockerHost.includes('//') ? dockerHost : `tcp://${dockerHost}`);
  const protocol = url.protocol === 'ssh:' ? 'ssh' : url.protocol === 'https:' || url.port === '2376' ? 'https' : 'http';
  return { host: url.hostname, port: url.port || undefined, protocol, username: url.username || undefined };
}
