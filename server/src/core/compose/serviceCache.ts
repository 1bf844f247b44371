// Merging every service of a 500-service file on each keystroke cost more than parsing the one piece
// that changed. A service written in one file of the stack, with no `extends`, alias or merge key,
// depends only on its own text, the stack's variables and the project directory: while those are
// the same, its merged form is reused, its spans moved to where its text now is.
import { isAlias, isMap, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import type { Span } from '../diagnostic';
import { isMergeKey, keyOf, type ComposeFile } from './composeFile';
import type { DependsOn, Located, Service } from './service';
import type { StackVariables } from './stackVariables';

interface Cached {
  service: Service;
  variables: StackVariables;
  projectDirectory: string;
  /** Where the service's key was when `service` was made: its spans hold offsets from then. */
  at: number;
}

export class ServiceCache {
  private readonly cached = new WeakMap<Pair, Cached>();
  private readonly alone = new WeakMap<Pair, boolean>();

  /** The merged service of `pair`, from the cache when it can be, else from `merge()`. */
  get(pair: Pair<Scalar, unknown>, file: ComposeFile, variables: StackVariables, projectDirectory: string, merge: () => Service): Service {
    const at = (pair.key as Node | null)?.range?.[0];
    if (at === undefined || !this.standsAlone(pair)) return merge();
    const known = this.cached.get(pair);
    if (!known || known.variables !== variables || known.projectDirectory !== projectDirectory) {
      const service = merge();
      this.cached.set(pair, { service, variables, projectDirectory, at });
      return service;
    }
    const definition = known.service.definitions[0];
    if (known.at === at && definition.file === file) return known.service;
    const service = shiftedService(known.service, at - known.at, { file, pair });
    this.cached.set(pair, { service, variables, projectDirectory, at });
    return service;
  }

  /** No `extends`, alias or merge key anywhere in the definition: nothing read from elsewhere. */
  private standsAlone(pair: Pair): boolean {
    let alone = this.alone.get(pair);
    if (alone === undefined) {
      const readsElsewhere = (node: unknown): boolean =>
        isAlias(node) ||
        (isMap(node) && (node.items as Pair[]).some((p) => isMergeKey(p) || readsElsewhere(p.value))) ||
        (isSeq(node) && node.items.some(readsElsewhere));
      alone = !(isMap(pair.value) && (pair.value.items as Pair[]).some((p) => keyOf(p) === 'extends')) && !readsElsewhere(pair.value);
      this.alone.set(pair, alone);
    }
    return alone;
  }
}

/** A copy of `service` with every span moved by `delta`, defined by `definition`. */
function shiftedService(service: Service, delta: number, definition: Service['definitions'][number]): Service {
  // The same span object may sit in two places (a dependency and its reference): move each once.
  const moved = new Map<Span, Span>();
  const span = (s: Span): Span => {
    let m = moved.get(s);
    if (!m) moved.set(s, (m = { start: s.start + delta, end: s.end + delta }));
    return m;
  };
  const located = <T>(l: Located<T> | undefined): Located<T> | undefined => (l ? { ...l, span: span(l.span) } : undefined);
  const dependsOn = new Map<string, DependsOn>();
  for (const [name, dep] of service.dependsOn) dependsOn.set(name, { ...dep, serviceSpan: span(dep.serviceSpan), condition: located(dep.condition) });
  return {
    ...service,
    definitions: [definition],
    image: located(service.image),
    dockerfile: located(service.dockerfile),
    restart: located(service.restart),
    healthcheck: located(service.healthcheck),
    command: located(service.command),
    entrypoint: located(service.entrypoint),
    user: located(service.user),
    loggingDriver: located(service.loggingDriver),
    volumes: service.volumes.map((v) => located(v)!),
    dependsOn,
    references: service.references.map((r) => ({ ...r, span: span(r.span) })),
  };
}
