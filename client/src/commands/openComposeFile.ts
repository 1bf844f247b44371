// StackLens: Open Compose File: the file and line where the service is defined (the last file that
// defines it, as the language server reports), or a stack's first compose file.
import * as vscode from 'vscode';
import { stackOrService, type CommandContext } from './commandTarget';

export const OPEN_COMPOSE_FILE = 'stacklens.openComposeFile';

export async function openComposeFile({ live }: CommandContext, arg?: unknown): Promise<vscode.TextEditor | undefined> {
  const node = await stackOrService(live, arg, 'Open Compose File');
  if (!node) return undefined;
  const definition = node.kind === 'stack' ? undefined : node.service?.definition;
  const file = definition?.file ?? node.stack.files[0];
  if (!file) return undefined;
  const at = new vscode.Position(definition?.line ?? 0, definition?.character ?? 0);
  return vscode.window.showTextDocument(vscode.Uri.file(file), { selection: new vscode.Range(at, at) });
}
