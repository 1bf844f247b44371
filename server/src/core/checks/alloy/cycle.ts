import { blockNameSpan } from '../../alloy/ast';
import type { Check } from '../check';
import type { ComponentNode } from './model';
import type { AlloyTarget } from './target';

export const cycle: Check<AlloyTarget> = {
  code: 'river/cycle',
  severity: 'error',
  description: 'Components that reference each other in a loop: Alloy cannot order them and refuses the file.',
  run({ file, model }, report) {
    const edges = new Map<ComponentNode, Set<ComponentNode>>();
    const selfReferencing = new Set<ComponentNode>();
    for (const ref of model.references) {
      const r = ref.resolution;
      if (r.kind !== 'node') continue;
      if (r.node === ref.from) {
        // At the block, once, as `alloy validate` reports it.
        if (!selfReferencing.has(ref.from)) report({ file, span: blockNameSpan(ref.from.block), message: `cannot reference self: ${ref.from.id} refers to its own exports.` });
        selfReferencing.add(ref.from);
        continue;
      }
      edges.set(ref.from, (edges.get(ref.from) ?? new Set()).add(r.node));
    }
    for (const component of stronglyConnected(model.nodes, edges)) {
      if (component.length < 2) continue;
      const ids = component.map((n) => n.id).sort();
      for (const node of component) {
        report({ file, span: blockNameSpan(node.block), message: `cycle detected: ${ids.join(', ')}. Break the loop: one of them must not depend on the others.` });
      }
    }
  },
};

/** Tarjan's strongly connected components. */
function stronglyConnected(nodes: ComponentNode[], edges: Map<ComponentNode, Set<ComponentNode>>): ComponentNode[][] {
  const index = new Map<ComponentNode, number>();
  const low = new Map<ComponentNode, number>();
  const stack: ComponentNode[] = [];
  const onStack = new Set<ComponentNode>();
  const out: ComponentNode[][] = [];
  let counter = 0;
  const visit = (v: ComponentNode): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of edges.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: ComponentNode[] = [];
      let w: ComponentNode;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      out.push(component);
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return out;
}
