// A minimal LSP client over the real server process (`stacklens lsp --stdio`), for tests and the bench.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const REPO = path.resolve(__dirname, '..', '..', '..');

export interface PublishedDiagnostics {
  uri: string;
  diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: number; code: string; message: string; source: string }[];
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly process: ChildProcess;
  private readonly waiters: ((p: PublishedDiagnostics) => void)[] = [];
  readonly published = new Map<string, PublishedDiagnostics>();

  constructor(env: NodeJS.ProcessEnv = process.env) {
    this.process = spawn(path.join(REPO, 'bin', 'stacklens'), ['lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'], env });
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
    this.connection.onNotification('textDocument/publishDiagnostics', (p: PublishedDiagnostics) => {
      this.published.set(p.uri, p);
      for (const w of this.waiters.splice(0)) w(p);
    });
    this.connection.listen();
  }

  get pid(): number | undefined {
    return this.process.pid;
  }

  async initialize(root: string, initializationOptions: object = {}): Promise<unknown> {
    const result = await this.connection.sendRequest('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(root).toString(),
      workspaceFolders: [{ uri: pathToFileURL(root).toString(), name: 'test' }],
      capabilities: {},
      initializationOptions,
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri`. */
  nextDiagnostics(uri: string): Promise<PublishedDiagnostics> {
    return new Promise((resolve) => {
      const wait = (p: PublishedDiagnostics) => (p.uri === uri ? resolve(p) : this.waiters.push(wait));
      this.waiters.push(wait);
    });
  }

  open(file: string, text: string, languageId = 'yaml'): string {
    const uri = pathToFileURL(file).toString();
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  change(uri: string, version: number, text: string): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async stop(): Promise<void> {
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    this.connection.dispose();
    await new Promise((resolve) => (this.process.exitCode !== null ? resolve(undefined) : this.process.once('exit', resolve)));
  }
}
