// Find references in Alloy files: every reference to a component, across the directory's files.
import { traversalSpan } from '../alloy/traverse';
import type { ComponentNode } from '../checks/alloy/model';
import type { FileSource } from '../workspace/fileSource';
import { locationOf, type AlloyLocation } from './alloyDefinition';
import { alloyDirectory, allDocuments, headerAt, referenceAt, resolveReference, type AlloyDirectory } from './alloyDocuments';

export function alloyReferences(source: FileSource, file: string, text: string, offset: number, includeDeclaration: boolean): AlloyLocation[] {
  const dir = alloyDirectory(source, file, text);
  const target = targetAt(dir, offset);
  if (!target) return [];
  const found: AlloyLocation[] = includeDeclaration ? locationOf(dir, target) : [];
  for (const doc of allDocuments(dir)) {
    for (const ref of doc.model.references) {
      const resolution = resolveReference(dir, doc, ref);
      // The span is the component's ID only, without the export, so a rename would edit just that.
      if (resolution.kind === 'node' && resolution.node === target) found.push({ file: doc.file, span: traversalSpan(ref.traversal.slice(0, resolution.length)) });
    }
  }
  return found;
}

function targetAt(dir: AlloyDirectory, offset: number): ComponentNode | undefined {
  const ref = referenceAt(dir.current, offset);
  if (!ref) return headerAt(dir.current, offset);
  const resolution = resolveReference(dir, dir.current, ref);
  return resolution.kind === 'node' ? resolution.node : undefined;
}
