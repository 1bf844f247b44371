// The VS Code side: starts the StackLens language server. The server does all the language work.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export const DOCUMENT_SELECTOR = [
  { scheme: 'file', language: 'dockercompose' },
  { scheme: 'file', language: 'yaml' },
  { scheme: 'file', language: 'dotenv' },
  { scheme: 'file', language: 'grafana-alloy' },
  // Grafana dashboards; the server tells them from other JSON by content.
  { scheme: 'file', language: 'json' },
  { scheme: 'file', pattern: '**/{.env,.env.*,*.env}' },
  // .alloy files whatever language id another installed extension gives them.
  { scheme: 'file', pattern: '**/*.alloy' },
];

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      configurationSection: 'stacklens',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.env,.env.*,*.env,*compose*.yml,*compose*.yaml,Dockerfile,*.alloy}'),
    },
  };
  client = new LanguageClient('stacklens', 'StackLens', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
