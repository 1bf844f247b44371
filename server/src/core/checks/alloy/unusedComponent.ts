import { blockNameSpan } from '../../alloy/ast';
import type { Check } from '../check';
import { resolve, type ComponentNode } from './model';
import type { AlloyTarget } from './target';

// Components that do their work by side effect (send, receive, scrape, run an eBPF probe) even
// though they export something, so nobody needs to reference them.
const SINKS = [
  /^loki\.(write|echo|source\..*)$/, /^prometheus\.(remote_write|echo|receive_http|scrape)$/, /^pyroscope\./,
  /^otelcol\.(exporter|receiver|extension)\./, /^beyla\./, /^database_observability\./, /^faro\./,
];

export const unusedComponent: Check<AlloyTarget> = {
  code: 'river/unused-component',
  severity: 'information',
  description: 'A component whose exports nothing references: its output goes nowhere.',
  run(target, report) {
    const { file, model } = target;
    const used = new Set<ComponentNode>();
    for (const ref of model.references) {
      const r = ref.resolution;
      if (r.kind === 'node' && r.node !== ref.from) used.add(r.node);
    }
    let siblingRefs: Set<string> | undefined;
    for (const node of model.nodes) {
      if (node.kind !== 'component' || used.has(node) || !node.schema?.exports?.length) continue;
      if (SINKS.some((re) => re.test(node.name))) continue;
      siblingRefs ??= referencedIds(target);
      if (siblingRefs.has(node.id)) continue;
      const exported = node.schema.exports.map((e) => `${node.id}.${e.name}`).join(', ');
      report({ file, span: blockNameSpan(node.block), message: `${node.id} is never used: nothing references ${exported}. Wire it into the pipeline, or remove it.` });
    }
  },
};

/** Node IDs referenced from the other files of the directory (loaded together by `alloy run <dir>`). */
function referencedIds(target: AlloyTarget): Set<string> {
  const ids = new Set<string>();
  const own = target.model.root.nodes;
  for (const sibling of target.siblings()) {
    for (const ref of sibling.references) {
      const r = resolve(ref.traversal, sibling.root, own);
      if (r.kind === 'node') ids.add(r.node.id);
    }
  }
  return ids;
}
