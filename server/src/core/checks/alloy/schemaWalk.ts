// Walks the bodies of components and config blocks together with what the registry says about them.
import { blockFullName, type Block, type Statement } from '../../alloy/ast';
import { blockSchema, childBlockNames, type ArgumentSchema } from '../../alloy/registry/registry';
import type { AlloyModel, ComponentNode } from './model';

export interface BodyVisit {
  node: ComponentNode;
  /** The block whose body this is (the component's own block at the top). */
  block: Block;
  /** Block names from the component down; `[]` for the component's own body. */
  path: string[];
  body: Statement[];
  /** Documented arguments; undefined when the docs give none to check against. */
  arguments?: ArgumentSchema[];
  /** Documented child blocks; undefined when unknown. */
  childBlocks?: string[];
  /** Child blocks the docs do not know, reported by river/unknown-block and not visited. */
  unknownChildren: Block[];
}

const walks = new WeakMap<AlloyModel, BodyVisit[]>();

/** Every body with its schema; walked once per model, whichever checks ask. */
export function schemaBodies(model: AlloyModel): readonly BodyVisit[] {
  let bodies = walks.get(model);
  if (!bodies) {
    bodies = model.nodes.filter((n) => n.schema).flatMap((node) => [...visit(node, node.block, [])]);
    walks.set(model, bodies);
  }
  return bodies;
}

function* visit(node: ComponentNode, block: Block, path: string[]): Generator<BodyVisit> {
  const schema = node.schema!;
  if (schema.componentBodies?.some((p) => p.length === path.length && p.every((x, i) => x === path[i]))) return;
  const top = path.length === 0;
  const args = top ? schema.arguments ?? undefined : blockSchema(schema, path)?.arguments ?? undefined;
  const children = childBlockNames(schema, path);
  // A nested block whose children the docs never list may still have some: leave it unchecked.
  const childBlocks = top || children.length > 0 ? children : undefined;
  const blocks = block.body.filter((s): s is Block => s.kind === 'block');
  // A block Go accepts but the docs never place (solace `auth`, tail_sampling `rate_allocation`) is
  // visited unchecked rather than reported.
  const undocumented = schema.undocumented?.blocks ?? [];
  const unknownChildren = childBlocks ? blocks.filter((b) => !childBlocks.includes(blockFullName(b)) && !undocumented.includes(blockFullName(b))) : [];
  // At the top, `[]` is the docs saying "doesn't support any arguments" (`http`); a nested block's
  // empty table says too little.
  const checked = args && (args.length > 0 || top) ? args : undefined;
  yield { node, block, path, body: block.body, arguments: checked, childBlocks, unknownChildren };
  for (const child of blocks) {
    if (unknownChildren.includes(child)) continue;
    yield* visit(node, child, [...path, blockFullName(child)]);
  }
}
