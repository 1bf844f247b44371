// The live state behind the Stacks view and the status bar: the workspace's stacks as the language server
// reports them (asked again when a compose or .env file changes or is saved) and their containers as the
// Docker watcher follows them. Docker is followed only in a trusted workspace.
import * as vscode from 'vscode';
import type { StackInfo } from '../../../server/src/protocol/stacks';
import { isComposeFileName, isDotenvFileName } from '../../../server/src/core/workspace/fileNames';
import { DockerWatcher, defaultDockerHost, type WatchState } from './dockerWatcher';
import type { StackHealth } from './stackHealth';

export type RequestStacks = () => Promise<StackInfo[]>;

const STACK_FILES = '**/{.env,.env.*,*.env,*compose*.yml,*compose*.yaml}';
// File events come in bursts (a save, a checkout): one request to the server for the burst.
const RELOAD_DEBOUNCE_MS = 200;

export class LiveStacks implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the stacks, their containers, Docker's reachability or the workspace trust change. */
  readonly onDidChange = this.changed.event;
  stacks: StackInfo[] = [];
  /** True once the language server has answered (even with no stacks). */
  loaded = false;
  serverError: string | undefined;
  private watcher: DockerWatcher | undefined;
  private reloadTimer: NodeJS.Timeout | undefined;
  private requests = 0;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly request: RequestStacks) {
    const files = vscode.workspace.createFileSystemWatcher(STACK_FILES);
    const soon = () => this.reloadSoon();
    this.disposables.push(
      files,
      files.onDidChange(soon),
      files.onDidCreate(soon),
      files.onDidDelete(soon),
      vscode.workspace.onDidSaveTextDocument((d) => (isComposeFileName(d.uri.fsPath) || isDotenvFileName(d.uri.fsPath)) && soon()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('stacklens.stacks') && soon()),
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        this.follow();
        this.changed.fire();
      }),
      this.changed,
    );
  }

  get trusted(): boolean {
    return vscode.workspace.isTrusted;
  }

  /** The watcher's last state; undefined before the first connection attempt ends, or when untrusted. */
  get docker(): WatchState | undefined {
    return this.watcher?.state;
  }

  get dockerHost(): string {
    return this.watcher?.dockerHost ?? process.env.DOCKER_HOST ?? defaultDockerHost();
  }

  /** Health of every stack, in the order of `stacks`; undefined while Docker is not followed. */
  health(): StackHealth[] | undefined {
    const state = this.watcher?.state;
    return state?.reachable ? state.stacks : undefined;
  }

  healthOf(stack: StackInfo): StackHealth | undefined {
    return this.health()?.find((h) => h.name === stack.name && h.projectName === stack.projectName);
  }

  /** Asks the language server for the stacks again, and the watcher to follow them. */
  async reload(): Promise<void> {
    const request = ++this.requests;
    let stacks: StackInfo[] | undefined;
    let serverError: string | undefined;
    try {
      stacks = await this.request();
    } catch (error) {
      serverError = error instanceof Error ? error.message : String(error);
    }
    // A later request has answered or will: this answer may be older than the files.
    if (request !== this.requests) return;
    this.stacks = stacks ?? this.stacks;
    this.serverError = serverError;
    this.loaded = true;
    this.watcher?.setStacks(this.stacks);
    this.follow();
    this.changed.fire();
  }

  /** Re-reads stacks and containers now (the view's refresh button; events make it unnecessary). */
  async refresh(): Promise<void> {
    await this.reload();
    await this.watcher?.refresh();
  }

  dispose(): void {
    clearTimeout(this.reloadTimer);
    this.watcher?.dispose();
    this.watcher = undefined;
    for (const d of this.disposables) d.dispose();
  }

  private reloadSoon(): void {
    clearTimeout(this.reloadTimer);
    this.reloadTimer = setTimeout(() => void this.reload(), RELOAD_DEBOUNCE_MS);
  }

  /** Starts the Docker watcher: once, after the first answer of the server, in a trusted workspace. */
  private follow(): void {
    if (this.watcher || !this.loaded || !vscode.workspace.isTrusted) return;
    const watcher = new DockerWatcher(this.stacks);
    this.watcher = watcher;
    watcher.on('change', () => this.changed.fire());
    void watcher.start().then(() => this.changed.fire());
  }
}
