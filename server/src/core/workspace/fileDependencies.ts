// Which files' findings can change when another file changes: on a keystroke the server re-checks the
// open files that read the edited one, not every open file (a 2 MB dashboard costs ~100 ms).
import type { FileKind } from './fileKinds';

/** For each kind, the kinds of other files its checks read. */
const READS: Record<FileKind, readonly FileKind[]> = {
  compose: ['compose', 'dotenv'], // a stack spans files; env files feed interpolation
  dotenv: [],
  alloy: ['alloy', 'compose', 'dotenv'], // sibling .alloy files; the nearby stack (socket proxy)
  dashboard: ['alloy', 'promtail', 'compose'], // the labels the log pipelines set
  prometheus: [],
  promtail: [],
  loki: [],
};

/** Whether findings of a `checked` file may change when a file of kind `changed` changes. */
export function mayDependOn(checked: FileKind | undefined, changed: FileKind | undefined): boolean {
  // A file of no known kind (a Dockerfile, a file being renamed) may matter to anything.
  if (checked === undefined || changed === undefined) return true;
  return READS[checked].includes(changed);
}
