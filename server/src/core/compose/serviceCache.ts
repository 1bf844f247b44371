// Merging every service of a 500-service file on each keystroke cost more than parsing the one piece
// that changed. A service written in one file of the stack, with no `extends`, alias or merge key,
// depends only on its own text, the stack's variables and the project directory: while those are
// the same, its merged form is reused, its spans shifted by as much as an edit before it moved its key.
import { isMap, type Node, type Pair, type Scalar } from 'yaml';
import { keyOf, standsAlone, type ComposeFile } from './composeFile';
import type { Span } from '../diagnostic';
import type { Service } from './service';
import type { StackVariables } from './stackVariables';

interface Cached {
  service: Service;
  variables: StackVariables;
  projectDirectory: string;
  /** The offset of the service's key when its spans were last right. */
  at: number;
  spans: Span[];
}

/** One function for every service of a stack, given what to merge: not a closure per service. */
type Merge = (name: string, pair: Pair<Scalar, unknown>, file: ComposeFile) => Service;

export class ServiceCache {
  private readonly cached = new WeakMap<Pair, Cached>();

  /** The merged service of `pair`, from the cache when it can be, else from `merge`. */
  get(name: string, pair: Pair<Scalar, unknown>, file: ComposeFile, variables: StackVariables, projectDirectory: string, merge: Merge): Service {
    const at = (pair.key as Node | null)?.range?.[0];
    // A pair in the cache passed the test below when it was stored, and its text has not changed since.
    const known = this.cached.get(pair);
    // `extends` reads another service's definition.
    if (at === undefined || (!known && (!standsAlone(pair) || (isMap(pair.value) && (pair.value.items as Pair[]).some((p) => keyOf(p) === 'extends'))))) return merge(name, pair, file);
    if (!known || known.variables !== variables || known.projectDirectory !== projectDirectory) {
      const service = merge(name, pair, file);
      // Kept for good: lists grown by push are cut to their length.
      service.definitions = service.definitions.slice();
      service.volumes = service.volumes.slice();
      service.references = service.references.slice();
      this.cached.set(pair, { service, variables, projectDirectory, at, spans: [...spansOf(service)] });
      return service;
    }
    if (known.at !== at) {
      const delta = at - known.at;
      for (const span of known.spans) {
        span.start += delta;
        span.end += delta;
      }
      known.at = at;
    }
    // Only the file (the current text, for fixes) is new.
    known.service.definitions[0].file = file;
    return known.service;
  }
}

/** Every span of a merged service, each once (a dependency and its reference share one); not its definitions' nodes. */
function spansOf(value: unknown, out = new Set<Span>()): Set<Span> {
  if (value instanceof Map || Array.isArray(value)) for (const item of value.values()) spansOf(item, out);
  else if (typeof value === 'object' && value !== null && !(value instanceof Set)) {
    const { start, end } = value as Partial<Span>;
    if (typeof start === 'number' && typeof end === 'number') out.add(value as Span);
    else for (const [key, item] of Object.entries(value)) if (key !== 'definitions') spansOf(item, out);
  }
  return out;
}
