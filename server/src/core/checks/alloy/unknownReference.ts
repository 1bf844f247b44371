import type { Fix, Span } from '../../diagnostic';
import { traversalSpan, traversalText, type Traversal } from '../../alloy/traverse';
import { closestMatch } from '../../text/suggest';
import type { Check, Report } from '../check';
import { exportsOf, resolve, rootNodes, visibleIds, type ComponentNode, type Reference } from './model';
import type { AlloyTarget } from './target';

export const unknownReference: Check<AlloyTarget> = {
  code: 'river/unknown-reference',
  severity: 'error',
  description: 'A reference to a component that is not declared, or to an export the component does not have.',
  run(target, report) {
    const { file, model } = target;
    let siblingNodes: ComponentNode[] | undefined;
    const siblings = () => (siblingNodes ??= target.siblings().flatMap(rootNodes));
    for (const ref of model.references) {
      let resolution = ref.resolution;
      if (resolution.kind === 'unresolved') resolution = resolve(ref.traversal, ref.scope, siblings());
      if (resolution.kind === 'unresolved') reportMissingComponent(file, ref, report);
      else if (resolution.kind === 'node') {
        const field = ref.traversal[resolution.length];
        const exported = exportsOf(resolution.node);
        if (!field || !exported || exported.includes(field.name)) continue;
        const suggestion = closestMatch(field.name, exported);
        const has = exported.length ? `it exports ${exported.map((e) => `"${e}"`).join(', ')}` : 'it exports nothing';
        report({
          file,
          span: field.span,
          message: `component "${resolution.node.id}" does not export "${field.name}"` + (suggestion ? `: did you mean "${suggestion}"?` : `; ${has}.`),
          fixes: suggestion ? [replace(file, field.span, suggestion)] : [],
        });
      }
    }
  },
};

function reportMissingComponent(file: string, ref: Reference, report: Report): void {
  const best = closestComponent(ref.traversal, visibleIds(ref.scope));
  report({
    file,
    span: traversalSpan(ref.traversal),
    message: `component "${traversalText(ref.traversal)}" does not exist or is out of scope` +
      (best ? `: did you mean "${best.id}"?` : '. Declare it, or check the name and label.'),
    fixes: best ? [replace(file, best.span, best.id)] : [],
  });
}

/** The declared ID nearest to some prefix of the reference, with the span of that prefix. */
function closestComponent(t: Traversal, ids: string[]): { id: string; span: Span } | undefined {
  const bySegments = new Map<number, string[]>();
  for (const id of ids) {
    const segments = id.split('.').length;
    const group = bySegments.get(segments);
    if (group) group.push(id);
    else bySegments.set(segments, [id]);
  }
  for (let length = t.length; length >= 1; length--) {
    const prefix = t.slice(0, length);
    const id = closestMatch(traversalText(prefix), bySegments.get(length) ?? []);
    if (id) return { id, span: traversalSpan(prefix) };
  }
  return undefined;
}

function replace(file: string, span: Span, newText: string): Fix {
  return { title: `Change to "${newText}"`, edits: [{ file, span, newText }], preferred: true };
}
