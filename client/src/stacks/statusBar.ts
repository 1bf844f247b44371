// The status bar item of the active stack (the one the edited file belongs to, else the first):
// `$(layers) obs: 6/7 healthy, 3 init completed`; a click shows the Stacks view.
import * as vscode from 'vscode';
import type { LiveStacks } from './liveStacks';
import { STACKS_VIEW_ID } from './stacksView';
import { activeStack, statusText, type DockerStatus } from './statusText';

const BACKGROUND: Partial<Record<string, string>> = { error: 'statusBarItem.errorBackground', warning: 'statusBarItem.warningBackground' };

function dockerStatus(live: LiveStacks): DockerStatus {
  if (!live.trusted) return 'untrusted';
  const docker = live.docker;
  if (!docker) return 'connecting';
  return docker.reachable ? 'following' : 'unreachable';
}

export function registerStatusBar(context: vscode.ExtensionContext, live: LiveStacks): void {
  const item = vscode.window.createStatusBarItem('stacklens.activeStack', vscode.StatusBarAlignment.Left, 10);
  item.name = 'StackLens: active stack';
  item.command = `${STACKS_VIEW_ID}.focus`;
  // A log panel or other webview in front has no file: keep the stack of the last file edited.
  let lastFile: string | undefined;
  const update = () => {
    const editor = vscode.window.activeTextEditor;
    if (editor?.document.uri.scheme === 'file') lastFile = editor.document.uri.fsPath;
    const stack = activeStack(live.stacks, lastFile);
    if (!stack) return item.hide();
    const status = statusText(stack, live.healthOf(stack), dockerStatus(live), live.docker?.dockerHost);
    item.text = status.text;
    item.tooltip = status.tooltip;
    const background = BACKGROUND[status.severity];
    item.backgroundColor = background ? new vscode.ThemeColor(background) : undefined;
    item.show();
  };
  update();
  context.subscriptions.push(item, live.onDidChange(update), vscode.window.onDidChangeActiveTextEditor(update));
}
