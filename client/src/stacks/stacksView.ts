// The Stacks view: stacks → services → containers with their live state, from LiveStacks (the language
// server's stacks, Docker's events). Says why it is empty: untrusted workspace, Docker not reachable
// (with the DOCKER_HOST tried), no stacks.
import * as vscode from 'vscode';
import type { LiveStacks } from './liveStacks';
import { childNodes, stackNodes, treeRow, type StackNode, type StackTreeNode, type TreeRow } from './treeItems';

export const STACKS_VIEW_ID = 'stacklens.stacks';

const COLLAPSIBLE: Record<TreeRow['collapsible'], vscode.TreeItemCollapsibleState> = {
  none: vscode.TreeItemCollapsibleState.None,
  collapsed: vscode.TreeItemCollapsibleState.Collapsed,
  expanded: vscode.TreeItemCollapsibleState.Expanded,
};

export class StacksTreeProvider implements vscode.TreeDataProvider<StackTreeNode> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly live: LiveStacks) {}

  refresh(): void {
    this.changed.fire();
  }

  getTreeItem(node: StackTreeNode): vscode.TreeItem {
    const row = treeRow(node);
    const item = new vscode.TreeItem(row.label, COLLAPSIBLE[row.collapsible]);
    item.id = row.id;
    item.description = row.description;
    item.tooltip = row.tooltip;
    item.iconPath = new vscode.ThemeIcon(row.icon.id, row.icon.color ? new vscode.ThemeColor(row.icon.color) : undefined);
    item.contextValue = row.contextValue;
    return item;
  }

  getChildren(node?: StackTreeNode): StackTreeNode[] {
    return node ? childNodes(node) : this.roots();
  }

  roots(): StackNode[] {
    if (!this.live.loaded || !this.live.trusted) return [];
    return stackNodes(this.live.stacks, this.live.health());
  }

  dispose(): void {
    this.changed.dispose();
  }
}

/** The line above the tree when it cannot show the live state; undefined when all is well. */
export function viewMessage(live: LiveStacks): string | undefined {
  if (!live.trusted) {
    return 'This workspace is not trusted: StackLens neither connects to Docker nor runs docker commands here. Trust the workspace to see its stacks live.';
  }
  if (live.serverError) return `Could not get the workspace's stacks from the StackLens language server: ${live.serverError}`;
  if (!live.loaded) return 'Reading the workspace\'s stacks…';
  if (live.stacks.length === 0) return 'No Docker Compose stacks in this workspace.';
  const docker = live.docker;
  if (!docker) return `Connecting to Docker at ${live.dockerHost}…`;
  if (!docker.reachable) return `Docker is not reachable at ${docker.dockerHost} (${docker.error}). Retrying; this view updates when it is back.`;
  return undefined;
}

/** The rows as the view shows them, for tests: label, description and icon, children nested. */
export interface RowSnapshot {
  label: string;
  description: string;
  icon: string;
  contextValue: string;
  children: RowSnapshot[];
}

export function snapshotRows(provider: StacksTreeProvider, node?: StackTreeNode): RowSnapshot[] {
  return provider.getChildren(node).map((child) => {
    const row = treeRow(child);
    return { label: row.label, description: row.description, icon: row.icon.id, contextValue: row.contextValue, children: snapshotRows(provider, child) };
  });
}

export function registerStacksView(context: vscode.ExtensionContext, live: LiveStacks): StacksTreeProvider {
  const provider = new StacksTreeProvider(live);
  const view = vscode.window.createTreeView(STACKS_VIEW_ID, { treeDataProvider: provider, showCollapseAll: true });
  const update = () => {
    view.message = viewMessage(live);
    provider.refresh();
  };
  update();
  context.subscriptions.push(view, provider, live.onDidChange(update));
  return provider;
}
