// StackLens: Up: `compose up -d` for a stack or one service.
import { runCompose } from './composeTask';
import { serviceOf, stackOrService, type CommandContext } from './commandTarget';

export const STACK_UP = 'stacklens.stackUp';

export async function stackUp({ live }: CommandContext, arg?: unknown): Promise<number | undefined> {
  const node = await stackOrService(live, arg, 'Up');
  return node && runCompose(node.stack, { verb: 'up', service: serviceOf(node) });
}
