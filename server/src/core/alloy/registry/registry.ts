// The Alloy component registry, generated from the Alloy reference docs by
// scripts/generate-alloy-registry.mjs (see components.json `source` for the commit it describes).
import data from './components.json';

export type Stability = 'generally-available' | 'public-preview' | 'experimental' | 'community';

export interface ArgumentSchema {
  name: string;
  /** As the docs write it: `string`, `list(map(string))`, `duration`, `LogsReceiver`... */
  type: string;
  required: boolean;
  default?: string;
}

export interface BlockSchema {
  /** Nesting from the component down, `["endpoint", "tls_config"]`. */
  path: string[];
  required: boolean;
  /** Null when the docs give no table for it: its attributes are not checked. */
  arguments: ArgumentSchema[] | null;
}

export interface ExportSchema {
  name: string;
  type: string;
}

export interface ComponentSchema {
  name: string;
  stability: Stability;
  community?: boolean;
  summary: string;
  arguments: ArgumentSchema[] | null;
  blocks: BlockSchema[];
  /** Null when the docs have no exports section (nothing is checked against it). */
  exports: ExportSchema[] | null;
  /** Blocks that accept again every block of the component's top level (`stage.match`). */
  recursiveBlocks?: string[];
  /** Block paths whose body holds components, not arguments (`declare`, `foreach > template`). */
  componentBodies?: string[][];
  /**
   * Names the Go code accepts somewhere in the component (its package and direct imports) that the
   * docs place nowhere: the docs are too thin to say where they belong, so no check reports them.
   */
  undocumented?: { attributes: string[]; blocks: string[] };
}

interface RegistryFile {
  source: { repository: string; commit: string; version: string };
  components: Record<string, Omit<ComponentSchema, 'name'>>;
  configBlocks: Record<string, Omit<ComponentSchema, 'name' | 'exports'>>;
  stdlib: { namespaces: Record<string, string[]>; functions: string[]; deprecated: string[]; keywords?: string[] };
}

const registry = data as RegistryFile;

export const registrySource = registry.source;

const components = new Map<string, ComponentSchema>(Object.entries(registry.components).map(([name, c]) => [name, { name, ...c }]));
const configBlocks = new Map<string, ComponentSchema>(
  Object.entries(registry.configBlocks).map(([name, c]) => [name, { name, exports: null, ...c }]),
);

export function componentSchema(name: string): ComponentSchema | undefined {
  return components.get(name);
}

export function componentNames(): Iterable<string> {
  return components.keys();
}

/** `logging`, `declare`, `import.file`...: top-level blocks that are not components. */
export function configBlockSchema(name: string): ComponentSchema | undefined {
  return configBlocks.get(name);
}

export function configBlockNames(): Iterable<string> {
  return configBlocks.keys();
}

/** Identifiers a reference may start with without naming a component: `sys`, `coalesce`, `env`... */
export const stdlibNames: ReadonlySet<string> = new Set([
  ...Object.keys(registry.stdlib.namespaces),
  ...registry.stdlib.functions,
  ...registry.stdlib.deprecated,
  ...(registry.stdlib.keywords ?? []),
]);

/**
 * The schema of the block at `path` inside a component, following recursive blocks
 * (`stage.match > stage.regex` is `stage.regex`). Undefined when the docs do not list it.
 */
export function blockSchema(component: ComponentSchema, path: readonly string[]): BlockSchema | undefined {
  return memo(blockSchemas, component, path, () => findBlockSchema(component, path));
}

/** The registry never changes: answers per component and path are kept (checks ask per block). */
const blockSchemas = new WeakMap<ComponentSchema, Map<string, BlockSchema | undefined>>();
const childNames = new WeakMap<ComponentSchema, Map<string, string[]>>();

function memo<T>(cache: WeakMap<ComponentSchema, Map<string, T>>, component: ComponentSchema, path: readonly string[], compute: () => T): T {
  let byPath = cache.get(component);
  if (!byPath) cache.set(component, (byPath = new Map()));
  const key = path.join('\0');
  if (!byPath.has(key)) byPath.set(key, compute());
  return byPath.get(key) as T;
}

function findBlockSchema(component: ComponentSchema, path: readonly string[]): BlockSchema | undefined {
  const effective = effectivePath(component, path);
  return component.blocks.find((b) => b.path.length === effective.length && b.path.every((p, i) => p === effective[i]));
}

/** The names of the blocks allowed directly inside `path` (the component itself for `[]`). */
export function childBlockNames(component: ComponentSchema, path: readonly string[]): string[] {
  return memo(childNames, component, path, () => findChildBlockNames(component, path));
}

function findChildBlockNames(component: ComponentSchema, path: readonly string[]): string[] {
  const effective = effectivePath(component, path);
  const last = path[path.length - 1];
  const base = last !== undefined && component.recursiveBlocks?.includes(last) ? [] : effective;
  const names = new Set<string>();
  for (const b of component.blocks) {
    if (b.path.length === base.length + 1 && base.every((p, i) => b.path[i] === p)) names.add(b.path[base.length]);
  }
  if (last !== undefined && component.recursiveBlocks?.includes(last)) {
    for (const b of component.blocks) if (b.path.length === effective.length + 1 && effective.every((p, i) => b.path[i] === p)) names.add(b.path[effective.length]);
  }
  return [...names];
}

function effectivePath(component: ComponentSchema, path: readonly string[]): readonly string[] {
  const recursive = component.recursiveBlocks ?? [];
  let start = 0;
  for (let i = 0; i < path.length - 1; i++) if (recursive.includes(path[i])) start = i + 1;
  return path.slice(start);
}
