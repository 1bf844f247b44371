// The components of an Alloy file, the scopes they live in, and how references resolve: the checks'
// shared reading of a file, after Alloy's controller (node IDs) and ResolveTraversal (prefixes).
import { Block, blockFullName, type AlloyFile, type Statement } from '../../alloy/ast';
import { attributesOf, stringLiteralValue, traversalsInBody, type Traversal } from '../../alloy/traverse';
import { componentSchema, configBlockSchema, stdlibNames, type ComponentSchema } from '../../alloy/registry/registry';

export type NodeKind = 'component' | 'config' | 'custom' | 'imported' | 'unknown';

export interface ComponentNode {
  /** Node ID: the block name, plus `.label` when labelled (`loki.write.local`). */
  id: string;
  name: string;
  block: Block;
  kind: NodeKind;
  /** Registry schema for components and config blocks. */
  schema?: ComponentSchema;
  /** Export names of a custom component (the `export` blocks of its `declare`). */
  customExports?: string[];
  scope: Scope;
}

export interface Scope {
  nodes: ComponentNode[];
  /** The first node of each ID: resolution runs for every prefix of every reference. */
  byId: Map<string, ComponentNode>;
  parent?: Scope;
  /** Custom component names (`declare` labels) visible here. */
  declares: Map<string, Block>;
  /** `import.*` labels: blocks `<label>.<name>` instantiate the module's components. */
  imports: Set<string>;
  /** Names a reference may start with here (a `foreach` var, `argument` inside a declare). */
  locals: Set<string>;
}

export interface Reference {
  traversal: Traversal;
  /** The node the reference is in. */
  from: ComponentNode;
  scope: Scope;
  /** What it resolves to within its own file, worked out once for every check and feature. */
  resolution: Resolution;
}

export interface AlloyModel {
  root: Scope;
  nodes: ComponentNode[];
  references: Reference[];
}

export function buildModel(file: AlloyFile): AlloyModel {
  const nodes: ComponentNode[] = [];
  const references: Reference[] = [];
  const root = newScope(undefined);
  fillScope(root, file.body, nodes, references);
  // Every scope is complete now: a reference may name a component declared further down.
  for (const ref of references) ref.resolution = resolve(ref.traversal, ref.scope);
  return { root, nodes, references };
}

function newScope(parent: Scope | undefined, locals: string[] = []): Scope {
  return { nodes: [], byId: new Map(), parent, declares: new Map(), imports: new Set(), locals: new Set(locals) };
}

function fillScope(scope: Scope, body: Statement[], all: ComponentNode[], references: Reference[]): void {
  const blocks: Block[] = [];
  const names: string[] = [];
  for (const s of body) {
    if (s.kind !== 'block') continue;
    const name = blockFullName(s);
    blocks.push(s);
    names.push(name);
    if (name === 'declare' && s.label) scope.declares.set(s.label.name, s);
    if (name.startsWith('import.') && s.label) scope.imports.add(s.label.name);
  }
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    const name = names[i];
    const node: ComponentNode = { id: b.label ? `${name}.${b.label.name}` : name, name, block: b, kind: 'unknown', schema: undefined, customExports: undefined, scope };
    classify(node, scope);
    scope.nodes.push(node);
    if (!scope.byId.has(node.id)) scope.byId.set(node.id, node);
    all.push(node);
    if (name === 'declare') {
      fillScope(newScope(scope, ['argument']), b.body, all, references);
      continue;
    }
    if (name === 'foreach') {
      const template = b.body.find((s): s is Block => s.kind === 'block' && blockFullName(s) === 'template');
      const varName = attributesOf(b.body).find((a) => a.name.name === 'var');
      const local = varName && stringLiteralValue(varName.value);
      if (template) fillScope(newScope(scope, local ? [local] : []), template.body, all, references);
      const outside = b.body.filter((s) => s !== template);
      addReferences(traversalsInBody(outside), node, scope, references);
      continue;
    }
    addReferences(traversalsInBody(b.body), node, scope, references);
  }
}

function addReferences(traversals: Traversal[], from: ComponentNode, scope: Scope, references: Reference[]): void {
  for (const traversal of traversals) references.push({ traversal, from, scope, resolution: UNRESOLVED });
}

function classify(node: ComponentNode, scope: Scope): void {
  const component = componentSchema(node.name);
  if (component) {
    node.kind = 'component';
    node.schema = component;
    return;
  }
  const config = configBlockSchema(node.name);
  if (config) {
    node.kind = 'config';
    node.schema = config;
    return;
  }
  const declare = lookupDeclare(scope, node.name);
  if (declare) {
    node.kind = 'custom';
    node.customExports = exportLabels(declare);
    return;
  }
  const dot = node.name.indexOf('.');
  const first = dot < 0 ? node.name : node.name.slice(0, dot);
  if (dot >= 0 && inChain(scope, (s) => s.imports.has(first))) node.kind = 'imported';
}

function lookupDeclare(scope: Scope, name: string): Block | undefined {
  for (let s: Scope | undefined = scope; s; s = s.parent) {
    const d = s.declares.get(name);
    if (d) return d;
  }
  return undefined;
}

function inChain(scope: Scope, test: (s: Scope) => boolean): boolean {
  for (let s: Scope | undefined = scope; s; s = s.parent) if (test(s)) return true;
  return false;
}

function exportLabels(declare: Block): string[] {
  return declare.body.flatMap((s) => (s.kind === 'block' && blockFullName(s) === 'export' && s.label ? [s.label.name] : []));
}

export type Resolution =
  | { kind: 'node'; node: ComponentNode; /** Segments used by the node ID. */ length: number }
  | { kind: 'builtin' }
  | { kind: 'unresolved' };

const BUILTIN: Resolution = { kind: 'builtin' };
const UNRESOLVED: Resolution = { kind: 'unresolved' };

/**
 * ResolveTraversal: the first prefix of growing length that is a node ID in this scope or an
 * enclosing one; else a stdlib name, a local (foreach var, `argument`) or an import namespace.
 */
export function resolve(traversal: Traversal, scope: Scope, extra?: readonly ComponentNode[]): Resolution {
  const others = extra && extra.length > 0 ? indexById(extra) : undefined;
  let id = traversal[0].name;
  for (let length = 1; ; id = `${id}.${traversal[length++].name}`) {
    for (let s: Scope | undefined = scope; s; s = s.parent) {
      const node = s.byId.get(id);
      if (node) return { kind: 'node', node, length };
    }
    const other = others?.get(id);
    if (other) return { kind: 'node', node: other, length };
    if (length === traversal.length) break;
  }
  const first = traversal[0].name;
  if (stdlibNames.has(first) || inChain(scope, (s) => s.locals.has(first) || s.imports.has(first))) return BUILTIN;
  return UNRESOLVED;
}

const extraIndexes = new WeakMap<readonly ComponentNode[], Map<string, ComponentNode>>();

function indexById(nodes: readonly ComponentNode[]): Map<string, ComponentNode> {
  let index = extraIndexes.get(nodes);
  if (!index) {
    index = new Map();
    for (const n of nodes) if (!index.has(n.id)) index.set(n.id, n);
    extraIndexes.set(nodes, index);
  }
  return index;
}

/** Node IDs visible from a scope, for did-you-mean. */
export function visibleIds(scope: Scope): string[] {
  const ids: string[] = [];
  for (let s: Scope | undefined = scope; s; s = s.parent) ids.push(...s.nodes.map((n) => n.id));
  return ids;
}

const ARGUMENT_EXPORTS: readonly string[] = ['value'];
const exportNames = new WeakMap<ComponentSchema, readonly string[]>();

/** The export names a node is known to have; undefined when unknown (nothing to check against). */
export function exportsOf(node: ComponentNode): readonly string[] | undefined {
  if (node.kind === 'custom') return node.customExports;
  if (node.kind === 'config') return node.name === 'argument' ? ARGUMENT_EXPORTS : undefined;
  if (node.kind !== 'component' || !node.schema?.exports) return undefined;
  let names = exportNames.get(node.schema);
  if (!names) exportNames.set(node.schema, (names = node.schema.exports.map((e) => e.name)));
  return names;
}

/** Top-level nodes of every scope, which are the IDs a sibling file can reference. */
export function rootNodes(model: AlloyModel): ComponentNode[] {
  return model.root.nodes;
}
