// Every StackLens command, registered in one place; each lives in its own file.
import * as vscode from 'vscode';
import type { LiveStacks } from '../stacks/liveStacks';
import type { CommandContext } from './commandTarget';
import { OPEN_COMPOSE_FILE, openComposeFile } from './openComposeFile';
import { REFRESH_STACKS, refreshStacks } from './refreshStacks';
import { SET_LOKI_CREDENTIALS, setLokiCredentials } from './setLokiCredentials';
import { SHOW_LOGS, showLogs } from './showLogs';
import { STACK_DOWN, stackDown } from './stackDown';
import { STACK_PULL, stackPull } from './stackPull';
import { STACK_RESTART, stackRestart } from './stackRestart';
import { STACK_UP, stackUp } from './stackUp';

const COMMANDS: Record<string, (context: CommandContext, arg?: unknown) => unknown> = {
  [STACK_UP]: stackUp,
  [STACK_DOWN]: stackDown,
  [STACK_RESTART]: stackRestart,
  [STACK_PULL]: stackPull,
  [SHOW_LOGS]: showLogs,
  [OPEN_COMPOSE_FILE]: openComposeFile,
  [REFRESH_STACKS]: refreshStacks,
  [SET_LOKI_CREDENTIALS]: setLokiCredentials,
};

export function registerCommands(extension: vscode.ExtensionContext, live: LiveStacks): void {
  const context: CommandContext = { extension, live };
  for (const [id, run] of Object.entries(COMMANDS)) {
    extension.subscriptions.push(vscode.commands.registerCommand(id, (arg?: unknown) => run(context, arg)));
  }
}
