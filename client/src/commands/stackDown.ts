// StackLens: Down: `compose down` for a stack, asking first whether to remove its volumes too (-v).
import * as vscode from 'vscode';
import { runCompose } from './composeTask';
import { stackOrService, type CommandContext } from './commandTarget';

export const STACK_DOWN = 'stacklens.stackDown';

export const DOWN = 'Down';
export const DOWN_VOLUMES = 'Down and remove volumes (-v)';

export async function stackDown({ live }: CommandContext, arg?: unknown): Promise<number | undefined> {
  const node = await stackOrService(live, arg, 'Down', false);
  if (!node) return undefined;
  const picked = await vscode.window.showQuickPick(
    [
      { label: DOWN, detail: 'Stops and removes the containers and networks; volumes keep their data.' },
      { label: DOWN_VOLUMES, detail: 'Also removes the named volumes: their data is lost.' },
    ],
    { title: `StackLens: down ${node.stack.name}` },
  );
  if (!picked) return undefined;
  return runCompose(node.stack, { verb: 'down', volumes: picked.label === DOWN_VOLUMES });
}
