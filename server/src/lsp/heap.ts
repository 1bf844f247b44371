// V8 sizes its heap for throughput; a language server mostly waits between keystrokes. Left alone, each
// edit of the compose bench's 365 KB file leaves about 1 MB that only a full collection frees, which V8
// starts when the heap has about doubled: 35 MB more at peak over 50 edits. The server collects in its
// idle time instead, once the old generation has grown by GROWTH_BYTES. (A node flag keeps the young
// generation small: protocol/serverProcess.ts.)
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** About four edits of a big file; each collection takes 10-15 ms of idle time there. */
const GROWTH_BYTES = 4 * 1024 * 1024;
/**
 * A forced collection between two checks costs the next check much of its optimised code (V8
 * deoptimises code that depended on objects of the last check): parsing a 2 MB dashboard took 20 ms
 * after one instead of 7. A 2 MB dashboard grows the heap by 4 MB per edit; collecting after every
 * edit made its edits 13 ms slower at the median.
 */
const MIN_BURSTS_BETWEEN = 4;

/**
 * Returns what to call when a burst of work is done: it collects on the next turn of the event loop,
 * unless `isBusy` says work has come in meanwhile.
 */
export function keepHeapSmall(isBusy: () => boolean): () => void {
  v8.setFlagsFromString('--expose-gc');
  const collect = vm.runInNewContext('gc') as () => void;
  let baseline = oldGenerationBytes();
  let last = baseline;
  let bursts = 0;
  let scheduled = false;
  return () => {
    const now = oldGenerationBytes();
    // Smaller than after the last burst: V8 collected by itself, it keeps up with this work.
    if (now < last) {
      baseline = now;
      bursts = 0;
    }
    last = now;
    if (++bursts < MIN_BURSTS_BETWEEN || scheduled || now < baseline + GROWTH_BYTES) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      if (isBusy()) return;
      collect();
      baseline = last = oldGenerationBytes();
      bursts = 0;
    });
  };
}

/** Where an edit's garbage waits for a full collection: the young generation is collected often. */
function oldGenerationBytes(): number {
  let bytes = 0;
  for (const space of v8.getHeapSpaceStatistics()) if (OLD_GENERATION.has(space.space_name)) bytes += space.space_used_size;
  return bytes;
}

const OLD_GENERATION = new Set(['old_space', 'large_object_space', 'code_space', 'code_large_object_space']);
