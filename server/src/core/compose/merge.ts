// Folds one file's definition of a service into the merged service, following compose's merge rules for
// the keys the checks read: scalars and command/entrypoint are replaced, healthcheck merges key by key,
// depends_on merges by dependency, volumes are appended, `!reset` clears.
import * as path from 'node:path';
import { isMap, isScalar, isSeq, type Node, type Pair, type Scalar } from 'yaml';
import { mergedMap, pairOf, resolveAlias, scalarText, type ComposeFile } from './composeFile';
import type { Span } from '../diagnostic';
import type { DependsOn, Located, Service } from './service';

export interface MergeContext {
  projectDirectory: string;
  /** Interpolates a scalar's value with the stack's variables. */
  interpolate(text: string): string;
}

type Handler = (service: Service, value: Node, file: ComposeFile, ctx: MergeContext) => void;

const handlers: Record<string, Handler> = {
  image: (s, v, f, c) => (s.image = locatedScalar(v, f, c)),
  restart: (s, v, f, c) => (s.restart = locatedScalar(v, f, c)),
  user: (s, v, f, c) => (s.user = locatedScalar(v, f, c)),
  stdin_open: (s, v) => (s.interactive ||= scalarText(v) === 'true'),
  tty: (s, v) => (s.interactive ||= scalarText(v) === 'true'),
  command: (s, v, f, c) => (s.command = locatedCommand(v, f, c)),
  entrypoint: (s, v, f, c) => (s.entrypoint = locatedCommand(v, f, c)),
  build: mergeBuild,
  healthcheck: mergeHealthcheck,
  logging: (s, v, f, c) => {
    const driver = pairOf(v, 'driver');
    if (driver) s.loggingDriver = locatedScalar(driver.value as Node, f, c);
  },
  volumes: mergeVolumes,
  depends_on: mergeDependsOn,
  links: (s, v, f, c) => addListReferences(s, 'links', v, f, c, (t) => t.split(':')[0]),
  volumes_from: (s, v, f, c) =>
    addListReferences(s, 'volumes_from', v, f, c, (t) => (t.startsWith('container:') ? undefined : t.split(':')[0])),
  network_mode: (s, v, f, c) => {
    const mode = locatedScalar(v, f, c);
    const span = nodeSpan(v, scalarOffset(v) + 'service:'.length, -scalarOffset(v));
    if (mode?.value.startsWith('service:') && span) s.references.push({ kind: 'network_mode', service: mode.value.slice('service:'.length), file: f.path, span });
  },
  extends: (s, v, f, c) => {
    const target = isMap(v) ? (pairOf(v, 'file') ? undefined : pairOf(v, 'service')?.value) : v;
    const name = locatedScalar(target as Node | undefined, f, c);
    if (name) s.references.push({ kind: 'extends', service: name.value, file: f.path, span: name.span });
  },
};

const RESETTABLE: Partial<Record<string, (s: Service) => void>> = {
  image: (s) => delete s.image,
  restart: (s) => delete s.restart,
  user: (s) => delete s.user,
  command: (s) => delete s.command,
  entrypoint: (s) => delete s.entrypoint,
  build: (s) => {
    delete s.dockerfile;
    s.builds = false;
    s.buildsFrom.clear();
  },
  healthcheck: (s) => delete s.healthcheck,
  logging: (s) => delete s.loggingDriver,
  volumes: (s) => (s.volumes = []),
  depends_on: (s) => s.dependsOn.clear(),
};

/** Keys that name other services: `extends` does not carry them over from the base service. */
const NOT_INHERITED = new Set(['depends_on', 'links', 'volumes_from', 'network_mode', 'extends']);

/**
 * Applies a definition; `inherited` for a base service pulled in by `extends`, whose text is not the
 * service's own (fixes edit the service's own definitions only).
 */
export function mergeDefinition(service: Service, pair: Pair<Scalar, unknown>, file: ComposeFile, ctx: MergeContext, inherited = false): void {
  if (!inherited) service.definitions.push({ file, pair });
  const map = mergedMap(pair.value, file);
  if (!map) return;
  for (const item of map.items) {
    const key = scalarText(item.key);
    const raw = resolveAlias(item.value, file) as Node | null;
    const value = (isMap(raw) ? mergedMap(raw, file) : raw) as Node | null;
    if (key === undefined || (inherited && NOT_INHERITED.has(key))) continue;
    if (value && (value.tag === '!reset' || value.tag === '!override')) RESETTABLE[key]?.(service);
    if (value && value.tag !== '!reset') handlers[key]?.(service, value, file, ctx);
  }
}

/**
 * The span of a node's text, as plain offsets: a service reused across edits has its spans shifted
 * by the service cache (serviceCache.ts). `length` fixes the end relative to the start.
 */
function nodeSpan(node: Node | null | undefined, startDelta = 0, endDelta = 0, length?: number): Span | undefined {
  const range = node?.range;
  if (!range) return undefined;
  const start = range[0] + startDelta;
  return { start, end: length === undefined ? range[1] + endDelta : start + length };
}

function locatedScalar(node: Node | undefined | null, file: ComposeFile, ctx: MergeContext): Located<string> | undefined {
  const text = scalarText(node);
  const span = nodeSpan(node);
  if (text === undefined || !span) return undefined;
  return { value: ctx.interpolate(text), file: file.path, span };
}

/** Quote characters around a scalar's value in the source, so spans can point inside the quotes. */
function scalarOffset(node: Node): number {
  return isScalar(node) && (node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') ? 1 : 0;
}

function locatedCommand(node: Node, file: ComposeFile, ctx: MergeContext): Located<string[] | string> | undefined {
  const span = nodeSpan(node);
  if (!span) return undefined;
  if (isSeq(node)) {
    const words = node.items.map((i) => scalarText(i)).filter((w): w is string => w !== undefined);
    return { value: words.map(ctx.interpolate), file: file.path, span };
  }
  return locatedScalar(node, file, ctx);
}

function mergeBuild(service: Service, node: Node, file: ComposeFile, ctx: MergeContext): void {
  const span = nodeSpan(node);
  if (!span) return;
  service.builds = true;
  // `additional_contexts: {name: service:dep}` builds from another service's image: that depends_on
  // orders builds, not runs.
  const extra = isMap(node) ? pairOf(node, 'additional_contexts')?.value : undefined;
  const contexts = isMap(extra) ? extra.items.map((p) => scalarText(p.value)) : isSeq(extra) ? extra.items.map((i) => scalarText(i)?.split('=').slice(1).join('=')) : [];
  for (const c of contexts) if (c?.startsWith('service:')) service.buildsFrom.add(c.slice('service:'.length));
  const context = isMap(node) ? scalarText(pairOf(node, 'context')?.value) ?? '.' : scalarText(node);
  if (context === undefined || pairOf(node, 'dockerfile_inline')) return;
  const dockerfile = isMap(node) ? scalarText(pairOf(node, 'dockerfile')?.value) ?? 'Dockerfile' : 'Dockerfile';
  const contextDir = path.resolve(ctx.projectDirectory, ctx.interpolate(context));
  // A remote context (git URL) has no Dockerfile in the workspace to read.
  if (/^[a-z]+:\/\//i.test(context) || context.startsWith('git@')) return;
  service.dockerfile = { value: path.resolve(contextDir, ctx.interpolate(dockerfile)), file: file.path, span };
}

function mergeHealthcheck(service: Service, node: Node, file: ComposeFile): void {
  const span = nodeSpan(node);
  if (!span || !isMap(node)) return;
  const disable = scalarText(pairOf(node, 'disable')?.value);
  const test = pairOf(node, 'test')?.value;
  const testWords = isSeq(test) ? test.items.map((i) => scalarText(i)) : [scalarText(test)];
  const disabledByTest = testWords[0] === 'NONE';
  const wasDisabled = service.healthcheck?.value.disabled ?? false;
  const disabled = disable !== undefined ? disable === 'true' : test !== undefined ? disabledByTest : wasDisabled;
  service.healthcheck = { value: { disabled }, file: file.path, span };
}

function mergeVolumes(service: Service, node: Node, file: ComposeFile, ctx: MergeContext): void {
  if (!isSeq(node)) return;
  for (const item of node.items as Node[]) {
    const span = nodeSpan(item);
    if (!span) continue;
    const short = scalarText(item);
    const long = isMap(item) ? scalarText(pairOf(item, 'source')?.value) : undefined;
    const target = isMap(item) ? scalarText(pairOf(item, 'target')?.value) : undefined;
    const value = short ?? (long !== undefined ? `${long}:${target ?? ''}` : undefined);
    if (value !== undefined) service.volumes.push({ value: ctx.interpolate(value), file: file.path, span });
  }
}

function mergeDependsOn(service: Service, node: Node, file: ComposeFile, ctx: MergeContext): void {
  if (isSeq(node)) {
    for (const item of node.items as Node[]) {
      const name = scalarText(item);
      const span = nodeSpan(item);
      if (name === undefined || !span) continue;
      addDependency(service, { service: ctx.interpolate(name), file: file.path, serviceSpan: span, form: 'short', effectiveCondition: 'service_started', required: true });
    }
  } else if (isMap(node)) {
    for (const item of node.items) {
      const name = scalarText(item.key);
      const span = nodeSpan(item.key as Node);
      if (name === undefined || !span) continue;
      const conditionNode = pairOf(item.value, 'condition')?.value as Node | undefined;
      const condition = locatedScalar(conditionNode, file, ctx);
      const required = scalarText(pairOf(item.value, 'required')?.value) !== 'false';
      addDependency(service, {
        service: name, file: file.path, serviceSpan: span, form: 'long', condition,
        effectiveCondition: condition?.value ?? 'service_started', required,
      });
    }
  }
}

function addDependency(service: Service, dep: DependsOn): void {
  service.dependsOn.set(dep.service, dep);
  service.references.push({ kind: 'depends_on', service: dep.service, file: dep.file, span: dep.serviceSpan });
}

function addListReferences(service: Service, kind: 'links' | 'volumes_from', node: Node, file: ComposeFile, ctx: MergeContext, target: (text: string) => string | undefined): void {
  if (!isSeq(node)) return;
  for (const item of node.items as Node[]) {
    const located = locatedScalar(item, file, ctx);
    const name = located && target(located.value);
    const span = name ? nodeSpan(item, scalarOffset(item), 0, name.length) : undefined;
    if (name && span) service.references.push({ kind, service: name, file: file.path, span });
  }
}
