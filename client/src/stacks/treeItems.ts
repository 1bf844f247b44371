// What each row of the Stacks view shows, without the vscode module: stacks → services → containers,
// each with the label, description, tooltip, icon and context value the tree and its menus use.
import type { StackInfo, StackServiceInfo } from '../../../server/src/protocol/stacks';
import type { ContainerState, Severity } from './containerState';
import type { ContainerHealth, ServiceHealth, StackHealth } from './stackHealth';

export interface StackNode {
  kind: 'stack';
  stack: StackInfo;
  /** Undefined while Docker is not followed (unreachable, untrusted workspace, not connected yet). */
  health?: StackHealth;
}

export interface ServiceNode {
  kind: 'service';
  stack: StackInfo;
  service: StackServiceInfo;
  health?: ServiceHealth;
}

export interface ContainerNode {
  kind: 'container';
  stack: StackInfo;
  /** Undefined for an orphan: a container of the project whose service the compose files no longer define. */
  service?: StackServiceInfo;
  container: ContainerHealth;
}

export type StackTreeNode = StackNode | ServiceNode | ContainerNode;

/** A codicon and the theme color id to paint it with. */
export interface RowIcon {
  id: string;
  color?: string;
}

export interface TreeRow {
  id: string;
  label: string;
  description: string;
  tooltip: string;
  icon: RowIcon;
  /** `viewItem` in package.json menus. */
  contextValue: StackTreeNode['kind'];
  collapsible: 'none' | 'collapsed' | 'expanded';
}

const PASSED = 'testing.iconPassed';
const FAILED = 'testing.iconFailed';
const WARNING = 'list.warningForeground';
const DIMMED = 'disabledForeground';
const UNKNOWN: RowIcon = { id: 'question', color: DIMMED };

export function stateIcon(state: ContainerState): RowIcon {
  switch (state.kind) {
    case 'completed':
    case 'healthy':
      return { id: 'check', color: PASSED };
    case 'running':
      // Up, but with no healthcheck to say more than that.
      return state.severity === 'ok' ? { id: 'circle-filled', color: PASSED } : { id: 'question', color: WARNING };
    case 'failed':
    case 'dead':
      return { id: 'error', color: FAILED };
    case 'unhealthy':
      return { id: 'warning', color: WARNING };
    case 'starting':
      return { id: 'sync~spin' };
    case 'restarting':
      return { id: 'sync~spin', color: FAILED };
    case 'exited':
      return { id: 'circle-slash', color: WARNING };
    case 'paused':
      return { id: 'debug-pause', color: WARNING };
    case 'removing':
      return { id: 'trash', color: DIMMED };
    case 'created':
    case 'not created':
      return { id: 'circle-outline', color: DIMMED };
  }
}

export function severityIcon(severity: Severity): RowIcon {
  switch (severity) {
    case 'ok':
      return { id: 'check', color: PASSED };
    case 'error':
      return { id: 'error', color: FAILED };
    case 'warning':
      return { id: 'warning', color: WARNING };
    case 'progress':
      return { id: 'sync~spin' };
    case 'idle':
      return { id: 'circle-outline', color: DIMMED };
  }
}

export function stackId(stack: StackInfo): string {
  return `stack:${stack.projectDirectory}:${stack.name}`;
}

export function stackRow(node: StackNode): TreeRow {
  const { stack, health } = node;
  const lines = [`${stack.name} (compose project ${stack.projectName})`, `directory: ${stack.projectDirectory}`, ...stack.files.map((f) => `-f ${f}`), ...stack.envFiles.map((f) => `--env-file ${f}`)];
  if (health) lines.push('', health.summary.text);
  return {
    id: stackId(stack),
    label: stack.name,
    description: health?.summary.text ?? '',
    tooltip: lines.join('\n'),
    icon: health ? severityIcon(health.summary.severity) : { id: 'layers' },
    contextValue: 'stack',
    collapsible: stack.services.length > 0 ? 'expanded' : 'none',
  };
}

export function serviceRow(node: ServiceNode): TreeRow {
  const { service, health } = node;
  const lines = [`${service.name}${service.runOnce ? ' (run once: an init service)' : ''}`];
  if (service.image) lines.push(`image: ${service.image}`);
  if (health) {
    lines.push(`state: ${health.state.label}`);
    if (health.containers.length > 1) lines.push(`${health.containers.length} containers`);
  }
  const healthOutput = health?.containers.map((c) => c.state.healthOutput).find((o) => o !== undefined);
  if (healthOutput) lines.push('', 'Last healthcheck:', healthOutput);
  else if (service.healthcheck && health) lines.push('', 'Healthcheck: no result yet');
  return {
    id: `${stackId(node.stack)}/${service.name}`,
    label: service.name,
    description: health?.state.label ?? '',
    tooltip: lines.join('\n'),
    icon: health ? stateIcon(health.state) : UNKNOWN,
    contextValue: 'service',
    collapsible: health && health.containers.length > 0 ? 'collapsed' : 'none',
  };
}

export function containerRow(node: ContainerNode): TreeRow {
  const { container } = node;
  const lines = [`container ${container.name} (${container.id.slice(0, 12)})`, `state: ${container.state.label}`];
  if (!node.service) lines.push('Its service is no longer in the compose files (an orphan: `down --remove-orphans` removes it).');
  if (container.state.healthOutput) lines.push('', 'Last healthcheck:', container.state.healthOutput);
  return {
    id: `container:${container.id}`,
    label: container.name,
    description: node.service ? container.state.label : `${container.state.label}, orphan`,
    tooltip: lines.join('\n'),
    icon: stateIcon(container.state),
    contextValue: 'container',
    collapsible: 'none',
  };
}

export function treeRow(node: StackTreeNode): TreeRow {
  switch (node.kind) {
    case 'stack':
      return stackRow(node);
    case 'service':
      return serviceRow(node);
    case 'container':
      return containerRow(node);
  }
}

/** The rows under a node: a stack's services then its orphans; a service's containers. */
export function childNodes(node: StackTreeNode): StackTreeNode[] {
  if (node.kind === 'stack') {
    const { stack, health } = node;
    const services = stack.services.map((service): ServiceNode => ({ kind: 'service', stack, service, health: health?.services.find((s) => s.name === service.name) }));
    const orphans = (health?.orphans ?? []).map((container): ContainerNode => ({ kind: 'container', stack, container }));
    return [...services, ...orphans];
  }
  if (node.kind === 'service') {
    return (node.health?.containers ?? []).map((container): ContainerNode => ({ kind: 'container', stack: node.stack, service: node.service, container }));
  }
  return [];
}

/** Health for each stack by position: the watcher reports them in the order it was given. */
export function stackNodes(stacks: readonly StackInfo[], health: readonly StackHealth[] | undefined): StackNode[] {
  return stacks.map((stack, i) => ({ kind: 'stack', stack, health: health?.[i]?.name === stack.name ? health[i] : health?.find((h) => h.name === stack.name && h.projectName === stack.projectName) }));
}
