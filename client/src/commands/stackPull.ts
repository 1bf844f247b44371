// StackLens: Pull: `compose pull` for a stack or one service.
import { runCompose } from './composeTask';
import { serviceOf, stackOrService, type CommandContext } from './commandTarget';

export const STACK_PULL = 'stacklens.pull';

export async function stackPull({ live }: CommandContext, arg?: unknown): Promise<number | undefined> {
  const node = await stackOrService(live, arg, 'Pull');
  return node && runCompose(node.stack, { verb: 'pull', service: serviceOf(node) });
}
