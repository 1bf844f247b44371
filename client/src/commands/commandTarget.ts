// What a command acts on: the tree row it was invoked on, else a stack or service the user picks.
import * as vscode from 'vscode';
import type { LiveStacks } from '../stacks/liveStacks';
import { activeStack } from '../stacks/statusText';
import type { ContainerNode, ServiceNode, StackNode, StackTreeNode } from '../stacks/treeItems';

export interface CommandContext {
  extension: vscode.ExtensionContext;
  live: LiveStacks;
}

function isNode(arg: unknown): arg is StackTreeNode {
  const kind = (arg as { kind?: unknown } | undefined)?.kind;
  return kind === 'stack' || kind === 'service' || kind === 'container';
}

/** The node, with the health the view has now (a row's node is a snapshot of when it was drawn). */
function fresh(live: LiveStacks, node: StackTreeNode): StackTreeNode {
  const health = live.healthOf(node.stack);
  if (node.kind === 'stack') return { ...node, health };
  if (node.kind === 'service') return { ...node, health: health?.services.find((s) => s.name === node.service.name) ?? node.health };
  return node;
}

/** The row's stack or service (a container row means its service), or one picked from the workspace's. */
export async function stackOrService(live: LiveStacks, arg: unknown, what: string, servicesToo = true): Promise<StackNode | ServiceNode | ContainerNode | undefined> {
  if (isNode(arg)) return fresh(live, arg);
  const stacks = live.stacks;
  if (stacks.length === 0) {
    void vscode.window.showInformationMessage('StackLens: no Docker Compose stacks in this workspace.');
    return undefined;
  }
  const first = activeStack(stacks, vscode.window.activeTextEditor?.document.uri.fsPath);
  const ordered = first ? [first, ...stacks.filter((s) => s !== first)] : stacks;
  type Item = vscode.QuickPickItem & { node: StackNode | ServiceNode };
  const items: Item[] = ordered.flatMap((stack) => [
    { label: `$(layers) ${stack.name}`, description: stack.projectDirectory, node: { kind: 'stack', stack } as StackNode },
    ...(servicesToo
      ? stack.services.map((service): Item => ({ label: `    ${service.name}`, description: stack.name, node: { kind: 'service', stack, service } }))
      : []),
  ]);
  const picked = await vscode.window.showQuickPick(items, { title: `StackLens: ${what}`, placeHolder: servicesToo ? 'A stack, or one of its services' : 'A stack', matchOnDescription: true });
  return picked && fresh(live, picked.node);
}

/** The service a row stands for (a container row: its service). */
export function serviceOf(node: StackNode | ServiceNode | ContainerNode): string | undefined {
  return node.kind === 'stack' ? undefined : node.service?.name;
}

/** Docker commands and connections only in a trusted workspace. */
export function requireTrust(what: string): boolean {
  if (vscode.workspace.isTrusted) return true;
  void vscode.window.showWarningMessage(`StackLens does not ${what} in an untrusted workspace. Trust the workspace to allow it.`);
  return false;
}
