// StackLens: Set Loki Credentials: the auth kind and user name go to settings, the password or token to
// VS Code's SecretStorage only.
import * as vscode from 'vscode';
import { lokiConfiguration, storeLokiSecret, type LokiAuthKind } from '../logs/lokiSettings';
import type { CommandContext } from './commandTarget';

export const SET_LOKI_CREDENTIALS = 'stacklens.setLokiCredentials';

export async function setLokiCredentials({ extension }: CommandContext): Promise<void> {
  const current = lokiConfiguration();
  const kinds: (vscode.QuickPickItem & { auth: LokiAuthKind })[] = [
    { label: 'Basic', description: 'user name and password', auth: 'basic' },
    { label: 'Bearer token', description: 'Authorization: Bearer …', auth: 'bearer' },
    { label: 'None', description: 'no credentials (and forget the stored ones)', auth: 'none' },
  ];
  const picked = await vscode.window.showQuickPick(kinds, { title: `StackLens: Loki credentials for ${current.url}`, placeHolder: `now: ${current.auth}` });
  if (!picked) return;
  const config = vscode.workspace.getConfiguration('stacklens.loki');
  if (picked.auth === 'none') {
    await storeLokiSecret(extension.secrets, undefined);
    await config.update('auth', 'none', vscode.ConfigurationTarget.Global);
    return;
  }
  if (picked.auth === 'basic') {
    const username = await vscode.window.showInputBox({ title: 'Loki user name', value: current.username, ignoreFocusOut: true });
    if (username === undefined) return;
    await config.update('username', username, vscode.ConfigurationTarget.Global);
  }
  const secret = await vscode.window.showInputBox({
    title: picked.auth === 'basic' ? 'Loki password' : 'Loki bearer token',
    prompt: 'Kept in VS Code\'s secret storage, never in settings.json',
    password: true,
    ignoreFocusOut: true,
  });
  if (secret === undefined) return;
  await storeLokiSecret(extension.secrets, secret);
  await config.update('auth', picked.auth, vscode.ConfigurationTarget.Global);
  void vscode.window.showInformationMessage(`StackLens: Loki ${picked.auth} credentials stored in the secret storage.`);
}
