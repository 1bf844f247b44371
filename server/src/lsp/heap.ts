// V8 sizes its heap for throughput; a language server mostly waits between keystrokes. Left alone, each
// edit of the compose bench's 365 KB file leaves about 1 MB that only a full collection frees, which V8
// starts when the heap has about doubled: 35 MB more at peak over 50 edits. The server collects in its
// idle time instead, once the heap has grown by GROWTH_BYTES. (The young generation is kept small by a
// node flag: protocol/serverProcess.ts.)
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** About four edits of a big file; each collection takes 5-10 ms of idle time there. */
const GROWTH_BYTES = 4 * 1024 * 1024;

/**
 * Returns what to call when a burst of work is done: it collects on the next turn of the event loop,
 * unless `isBusy` says work has come in meanwhile.
 */
export function keepHeapSmall(isBusy: () => boolean): () => void {
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc') as () => void;
  let baseline = usedBytes();
  let scheduled = false;
  return () => {
    if (scheduled || usedBytes() < baseline + GROWTH_BYTES) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (isBusy()) return;
      collect();
      baseline = usedBytes();
    });
  };
}

function usedBytes(): number {
  return v8.getHeapStatistics().used_heap_size;
}
