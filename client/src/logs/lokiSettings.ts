// Where the log panel finds Loki: URL, tenant, auth kind and user name in the `stacklens.loki.*` settings;
// the password or token only in VS Code's SecretStorage (never in settings.json).
import * as vscode from 'vscode';
import { DEFAULT_LOKI_URL, type LokiSettings } from './lokiClient';

/** The SecretStorage key of the basic-auth password or the bearer token. */
export const LOKI_SECRET_KEY = 'stacklens.loki.secret';

export type LokiAuthKind = 'none' | 'basic' | 'bearer';

export function lokiConfiguration(): { url: string; tenant: string; auth: LokiAuthKind; username: string } {
  const config = vscode.workspace.getConfiguration('stacklens.loki');
  return {
    url: config.get<string>('url') || DEFAULT_LOKI_URL,
    tenant: config.get<string>('tenant') ?? '',
    auth: config.get<LokiAuthKind>('auth') ?? 'none',
    username: config.get<string>('username') ?? '',
  };
}

export async function readLokiSettings(secrets: vscode.SecretStorage): Promise<LokiSettings> {
  const { url, tenant, auth, username } = lokiConfiguration();
  const settings: LokiSettings = { url, tenant: tenant || undefined };
  if (auth === 'none') return settings;
  const secret = (await secrets.get(LOKI_SECRET_KEY)) ?? '';
  if (auth === 'basic') settings.auth = { kind: 'basic', user: username, password: secret };
  if (auth === 'bearer') settings.auth = { kind: 'bearer', token: secret };
  return settings;
}

export function storeLokiSecret(secrets: vscode.SecretStorage, secret: string | undefined): Thenable<void> {
  return secret ? secrets.store(LOKI_SECRET_KEY, secret) : secrets.delete(LOKI_SECRET_KEY);
}
