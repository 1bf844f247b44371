// StackLens: Restart: `compose restart` for a stack or one service.
import { runCompose } from './composeTask';
import { serviceOf, stackOrService, type CommandContext } from './commandTarget';

export const STACK_RESTART = 'stacklens.restart';

export async function stackRestart({ live }: CommandContext, arg?: unknown): Promise<number | undefined> {
  const node = await stackOrService(live, arg, 'Restart');
  return node && runCompose(node.stack, { verb: 'restart', service: serviceOf(node) });
}
