// An Alloy file read together with the other `*.alloy` files of its directory, which `alloy run <dir>`
// loads as one configuration: what the editor features ask about positions and references.
import * as path from 'node:path';
import { blockNameSpan } from '../alloy/ast';
import { parseAlloy, type ParseResult } from '../alloy/parser';
import { traversalSpan } from '../alloy/traverse';
import { buildModel, resolve, rootNodes, type AlloyModel, type ComponentNode, type Reference, type Resolution } from '../checks/alloy/model';
import type { Span } from '../diagnostic';
import type { FileSource } from '../workspace/fileSource';

export interface AlloyDocument {
  file: string;
  text: string;
  parsed: ParseResult;
  model: AlloyModel;
}

export interface AlloyDirectory {
  current: AlloyDocument;
  /** The other `.alloy` files of the directory, read lazily. */
  siblings(): AlloyDocument[];
}

export function alloyDocument(file: string, text: string): AlloyDocument {
  const parsed = parseAlloy(text);
  return { file, text, parsed, model: buildModel(parsed.file) };
}

export function alloyDirectory(source: FileSource, file: string, text: string): AlloyDirectory {
  let siblings: AlloyDocument[] | undefined;
  return {
    current: alloyDocument(file, text),
    siblings() {
      siblings ??= readSiblings(source, file);
      return siblings;
    },
  };
}

function readSiblings(source: FileSource, file: string): AlloyDocument[] {
  const dir = path.dirname(file);
  return (source.listDir(dir) ?? [])
    .filter((n) => n.endsWith('.alloy') && path.join(dir, n) !== file)
    .sort()
    .flatMap((n) => {
      const text = source.readFile(path.join(dir, n));
      return text === undefined ? [] : [alloyDocument(path.join(dir, n), text)];
    });
}

export function allDocuments(dir: AlloyDirectory): AlloyDocument[] {
  return [dir.current, ...dir.siblings()];
}

const contains = (span: Span, offset: number) => span.start <= offset && offset <= span.end;

/** The reference whose text holds the offset (its end included, where the cursor sits after typing). */
export function referenceAt(doc: AlloyDocument, offset: number): Reference | undefined {
  return doc.model.references.find((r) => contains(traversalSpan(r.traversal), offset));
}

/** Resolves like Alloy: the reference's scopes first, then the top-level components of the other files. */
export function resolveReference(dir: AlloyDirectory, doc: AlloyDocument, ref: Reference): Resolution {
  const first = ref.resolution;
  if (first.kind !== 'unresolved') return first;
  const others = allDocuments(dir).filter((d) => d !== doc).flatMap((d) => rootNodes(d.model));
  return resolve(ref.traversal, ref.scope, others);
}

/** The component whose block name or label holds the offset. */
export function headerAt(doc: AlloyDocument, offset: number): ComponentNode | undefined {
  return doc.model.nodes.find((n) => contains(headerSpan(n), offset));
}

/** The innermost component or config block whose text holds the offset. */
export function nodeAt(doc: AlloyDocument, offset: number): ComponentNode | undefined {
  let best: ComponentNode | undefined;
  for (const n of doc.model.nodes) {
    if (n.block.span.start <= offset && offset <= n.block.rcurly && (!best || n.block.span.start >= best.block.span.start)) best = n;
  }
  return best;
}

/** `loki.write "local"`: the block name through its label. */
export function headerSpan(node: ComponentNode): Span {
  const name = blockNameSpan(node.block);
  return { start: name.start, end: node.block.label?.span.end ?? name.end };
}

export function documentOf(dir: AlloyDirectory, node: ComponentNode): AlloyDocument | undefined {
  return allDocuments(dir).find((d) => d.model.nodes.includes(node));
}
