// StackLens: Show Logs: a log panel for a stack, a service or a container, its query from the language
// server's log selectors.
import { LogPanel, type LogTarget } from '../logs/logPanel';
import { stackLogSelector } from '../logs/stackLogSelector';
import type { ContainerNode, ServiceNode, StackNode } from '../stacks/treeItems';
import { requireTrust, stackOrService, type CommandContext } from './commandTarget';

export const SHOW_LOGS = 'stacklens.showLogs';

export function logTarget(node: StackNode | ServiceNode | ContainerNode): LogTarget {
  const { stack } = node;
  switch (node.kind) {
    case 'stack': {
      const containers = (node.health?.services ?? []).flatMap((s) => s.containers.map((c) => ({ id: c.id, name: c.name, service: s.name })));
      return { title: stack.name, selector: stackLogSelector(stack), containers, several: true };
    }
    case 'service': {
      const containers = (node.health?.containers ?? []).map((c) => ({ id: c.id, name: c.name, service: node.service.name }));
      return { title: `${stack.name} / ${node.service.name}`, selector: node.service.logSelector, containers, several: containers.length > 1 };
    }
    case 'container': {
      const { container, service } = node;
      return {
        title: `${stack.name} / ${container.name}`,
        selector: service?.logSelector ?? `{container=~${JSON.stringify(`/?${container.name}`)}}`,
        containers: [{ id: container.id, name: container.name, service: service?.name }],
        several: false,
      };
    }
  }
}

export async function showLogs({ live, extension }: CommandContext, arg?: unknown): Promise<LogPanel | undefined> {
  if (!requireTrust('follow logs')) return undefined;
  const node = await stackOrService(live, arg, 'Show Logs');
  return node && new LogPanel(logTarget(node), extension.secrets);
}
