// StackLens: Refresh Stacks: asks the language server and Docker again (events keep the view current;
// this is for a doubt).
import type { CommandContext } from './commandTarget';

export const REFRESH_STACKS = 'stacklens.refreshStacks';

export function refreshStacks({ live }: CommandContext): Promise<void> {
  return live.refresh();
}
