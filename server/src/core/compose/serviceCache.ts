// Merging every service of a 500-service file on each keystroke cost more than parsing the one piece
// that changed. A service written in one file of the stack, with no `extends`, alias or merge key,
// depends only on its own text, the stack's variables and the project directory: while those are
// the same, its merged form is reused. Its spans follow its nodes (merge.ts), which an edit elsewhere
// moves in place.
import { isMap, type Pair, type Scalar } from 'yaml';
import { keyOf, standsAlone, type ComposeFile } from './composeFile';
import type { Service } from './service';
import type { StackVariables } from './stackVariables';

interface Cached {
  service: Service;
  variables: StackVariables;
  projectDirectory: string;
}

export class ServiceCache {
  private readonly cached = new WeakMap<Pair, Cached>();

  /** The merged service of `pair`, from the cache when it can be, else from `merge()`. */
  get(pair: Pair<Scalar, unknown>, file: ComposeFile, variables: StackVariables, projectDirectory: string, merge: () => Service): Service {
    // `extends` reads another service's definition.
    if (!standsAlone(pair) || (isMap(pair.value) && (pair.value.items as Pair[]).some((p) => keyOf(p) === 'extends'))) return merge();
    const known = this.cached.get(pair);
    if (!known || known.variables !== variables || known.projectDirectory !== projectDirectory) {
      const service = merge();
      this.cached.set(pair, { service, variables, projectDirectory });
      return service;
    }
    // Its spans follow its nodes; only the file (the current text, for fixes) is new.
    known.service.definitions[0] = { file, pair };
    return known.service;
  }
}
