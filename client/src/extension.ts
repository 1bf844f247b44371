// The VS Code side: starts the StackLens language server. The server does all the language work.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { STACKS_REQUEST, type StackInfo } from '../../server/src/protocol/stacks';
import { SERVER_NODE_FLAGS } from '../../server/src/protocol/serverProcess';
import { registerCommands } from './commands';
import { LiveStacks } from './stacks/liveStacks';
import { registerStacksView, snapshotRows, type RowSnapshot } from './stacks/stacksView';
import { registerStatusBar } from './stacks/statusBar';
import type { StackHealth } from './stacks/stackHealth';

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

/** What activate() returns: for the end-to-end tests, the state behind the Stacks view. */
export interface StackLensApi {
  stacksModel(): { trusted: boolean; loaded: boolean; dockerReachable?: boolean; dockerHost: string; stacks: { info: StackInfo; health?: StackHealth }[] };
  stackRows(): RowSnapshot[];
}

export async function activate(context: vscode.ExtensionContext): Promise<StackLensApi> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS] } },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: [...SERVER_NODE_FLAGS, '--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: DOCUMENT_SELECTOR,
    synchronize: {
      configurationSection: 'stacklens',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{.env,.env.*,*.env,*compose*.yml,*compose*.yaml,Dockerfile,*.alloy}'),
    },
  };
  client = new LanguageClient('stacklens', 'StackLens', serverOptions, clientOptions);
  const started = client.start();
  // The Stacks view, its status bar item and the commands; the stacks come from the server, never parsed here.
  const live = new LiveStacks(async () => {
    await started;
    return client!.sendRequest<StackInfo[]>(STACKS_REQUEST);
  });
  context.subscriptions.push(live);
  const stacksView = registerStacksView(context, live);
  registerStatusBar(context, live);
  registerCommands(context, live);
  await started;
  context.subscriptions.push({ dispose: () => void client?.stop() });
  void live.reload();
  return {
    stacksModel: () => ({
      trusted: live.trusted,
      loaded: live.loaded,
      dockerReachable: live.docker?.reachable,
      dockerHost: live.dockerHost,
      stacks: live.stacks.map((info) => ({ info, health: live.healthOf(info) })),
    }),
    stackRows: () => snapshotRows(stacksView),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
