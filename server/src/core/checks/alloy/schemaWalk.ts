// Walks the bodies of components and config blocks together with what the registry says about them.
import { blockFullName, type Attribute, type Block, type Statement } from '../../alloy/ast';
import { blockSchema, childBlockNames, type ArgumentSchema, type ComponentSchema } from '../../alloy/registry/registry';
import type { AlloyModel, ComponentNode } from './model';

export interface BodyVisit {
  node: ComponentNode;
  /** The block whose body this is (the component's own block at the top). */
  block: Block;
  /** Block names from the component down; `[]` for the component's own body. */
  path: readonly string[];
  body: Statement[];
  /** The attributes of the body, in order. */
  attributes: Attribute[];
  /** The blocks of the body, in order, and their dotted names. */
  blocks: Block[];
  blockNames: string[];
  /** Documented arguments; undefined when the docs give none to check against. */
  arguments?: ArgumentSchema[];
  /** Documented child blocks; undefined when unknown. */
  childBlocks?: string[];
  /** Child blocks the docs do not know, reported by river/unknown-block and not visited. */
  unknownChildren: Block[];
  /** What the registry says about this path, worked out once per component and path. */
  shape: BlockShape;
}

/**
 * One block path of a component (`loki.process` > `stage.json`) as the checks read it. The registry
 * never changes, so a shape is built once and kept for every file and every keystroke.
 */
export class BlockShape {
  /** A body of components (`declare`, `foreach > template`), not of arguments: not walked. */
  readonly holdsComponents: boolean;
  readonly arguments?: ArgumentSchema[];
  /** The first documented argument of each name. */
  readonly argumentsByName = new Map<string, ArgumentSchema>();
  readonly requiredArguments: ArgumentSchema[];
  readonly childBlocks?: string[];
  /** Child block names not reported as unknown: the documented ones and those Go accepts undocumented. */
  readonly acceptedBlocks?: ReadonlySet<string>;
  readonly requiredBlocks: string[];
  private readonly children = new Map<string, BlockShape>();

  constructor(readonly schema: ComponentSchema, readonly path: readonly string[]) {
    const top = path.length === 0;
    this.holdsComponents = schema.componentBodies?.some((p) => p.length === path.length && p.every((x, i) => x === path[i])) ?? false;
    const args = top ? schema.arguments ?? undefined : blockSchema(schema, path)?.arguments ?? undefined;
    // At the top, `[]` is the docs saying "doesn't support any arguments" (`http`); a nested block's
    // empty table says too little.
    this.arguments = args && (args.length > 0 || top) ? args : undefined;
    for (const arg of this.arguments ?? []) if (!this.argumentsByName.has(arg.name)) this.argumentsByName.set(arg.name, arg);
    this.requiredArguments = (this.arguments ?? []).filter((a) => a.required);
    const children = childBlockNames(schema, path);
    // A nested block whose children the docs never list may still have some: leave it unchecked.
    this.childBlocks = top || children.length > 0 ? children : undefined;
    // A block Go accepts but the docs never place (solace `auth`, tail_sampling `rate_allocation`) is
    // visited unchecked rather than reported.
    if (this.childBlocks) this.acceptedBlocks = new Set([...this.childBlocks, ...(schema.undocumented?.blocks ?? [])]);
    this.requiredBlocks = (this.childBlocks ?? []).filter((child) => blockSchema(schema, [...path, child])?.required);
  }

  static of(schema: ComponentSchema): BlockShape {
    let shape = roots.get(schema);
    if (!shape) roots.set(schema, (shape = new BlockShape(schema, [])));
    return shape;
  }

  /** The shape of a child block; kept when the docs list it, so names being typed are not piled up. */
  child(name: string): BlockShape {
    const kept = this.children.get(name);
    if (kept) return kept;
    const shape = new BlockShape(this.schema, [...this.path, name]);
    if (this.acceptedBlocks?.has(name)) this.children.set(name, shape);
    return shape;
  }
}

const roots = new WeakMap<ComponentSchema, BlockShape>();

const walks = new WeakMap<AlloyModel, BodyVisit[]>();

/** Every body with its schema; walked once per model, whichever checks ask. */
export function schemaBodies(model: AlloyModel): readonly BodyVisit[] {
  let bodies = walks.get(model);
  if (!bodies) {
    bodies = [];
    for (const node of model.nodes) if (node.schema) visit(node, BlockShape.of(node.schema), node.block, bodies);
    walks.set(model, bodies);
  }
  return bodies;
}

function visit(node: ComponentNode, shape: BlockShape, block: Block, out: BodyVisit[]): void {
  if (shape.holdsComponents) return;
  const attributes: Attribute[] = [];
  const blocks: Block[] = [];
  const blockNames: string[] = [];
  for (const s of block.body) {
    if (s.kind === 'attribute') attributes.push(s);
    else {
      blocks.push(s);
      blockNames.push(blockFullName(s));
    }
  }
  const accepted = shape.acceptedBlocks;
  const unknownChildren = accepted ? blocks.filter((_, i) => !accepted.has(blockNames[i])) : [];
  out.push({
    node, block, path: shape.path, body: block.body, attributes, blocks, blockNames,
    arguments: shape.arguments, childBlocks: shape.childBlocks, unknownChildren, shape,
  });
  for (let i = 0; i < blocks.length; i++) {
    if (accepted && !accepted.has(blockNames[i])) continue;
    visit(node, shape.child(blockNames[i]), blocks[i], out);
  }
}
