// Go to definition in Alloy files: from a reference to the component it names, in this file or a
// sibling; from a custom component's block to its declare.
import { blockFullName } from '../alloy/ast';
import type { Span } from '../diagnostic';
import type { FileSource } from '../workspace/fileSource';
import { alloyDirectory, allDocuments, documentOf, headerAt, headerSpan, referenceAt, resolveReference, type AlloyDirectory } from './alloyDocuments';
import type { ComponentNode } from '../checks/alloy/model';

export interface AlloyLocation {
  file: string;
  span: Span;
}

export function alloyDefinition(source: FileSource, file: string, text: string, offset: number): AlloyLocation[] {
  const dir = alloyDirectory(source, file, text);
  const ref = referenceAt(dir.current, offset);
  if (ref) {
    const resolution = resolveReference(dir, dir.current, ref);
    return resolution.kind === 'node' ? locationOf(dir, resolution.node) : [];
  }
  const header = headerAt(dir.current, offset);
  return header?.kind === 'custom' ? declareLocation(dir, header.name) : [];
}

/** Where a component is declared: its name and label. */
export function locationOf(dir: AlloyDirectory, node: ComponentNode): AlloyLocation[] {
  const doc = documentOf(dir, node);
  return doc ? [{ file: doc.file, span: headerSpan(node) }] : [];
}

function declareLocation(dir: AlloyDirectory, name: string): AlloyLocation[] {
  for (const doc of allDocuments(dir)) {
    const declare = doc.model.nodes.find((n) => blockFullName(n.block) === 'declare' && n.block.label?.name === name);
    if (declare) return [{ file: doc.file, span: headerSpan(declare) }];
  }
  return [];
}
