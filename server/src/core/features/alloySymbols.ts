// The outline of an Alloy file: components and config blocks with their labels, nested blocks below.
import { blockFullName, blockNameSpan, type Statement } from '../alloy/ast';
import type { NodeKind } from '../checks/alloy/model';
import type { Span } from '../diagnostic';
import { alloyDocument } from './alloyDocuments';

export interface AlloySymbol {
  /** `loki.write "local"`. */
  name: string;
  kind: NodeKind | 'block';
  /** The whole block. */
  span: Span;
  /** Its name and label. */
  selectionSpan: Span;
  children: AlloySymbol[];
}

export function alloySymbols(file: string, text: string): AlloySymbol[] {
  const { model, parsed } = alloyDocument(file, text);
  const kinds = new Map(model.nodes.map((n) => [n.block, n.kind]));
  const symbols = (body: Statement[]): AlloySymbol[] =>
    body.flatMap((s) => {
      if (s.kind !== 'block') return [];
      const name = blockNameSpan(s);
      return [{
        name: blockFullName(s) + (s.label ? ` "${s.label.name}"` : ''),
        kind: kinds.get(s) ?? 'block',
        span: s.span,
        selectionSpan: { start: name.start, end: s.label?.span.end ?? name.end },
        children: symbols(s.body),
      }];
    });
  return symbols(parsed.file.body);
}
