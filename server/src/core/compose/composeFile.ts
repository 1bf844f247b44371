// One compose file as written: its YAML with positions, its syntax errors, its service mappings.
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, visit, Document, Node, Pair, Scalar, YAMLMap, type ParsedNode } from 'yaml';
import { ownCopy, piecesOf } from './incrementalParse';
import type { Span } from '../diagnostic';

export interface YamlSyntaxError {
  span: Span;
  message: string;
}

export interface ComposeFile {
  path: string;
  text: string;
  doc: Document.Parsed;
  syntaxErrors: YamlSyntaxError[];
  /** Service name to its mapping pair, in file order; empty when `services` is missing or not a mapping. */
  services: Map<string, Pair<Scalar, unknown>>;
}

export function parseComposeFile(path: string, text: string, parse = parseWhole): ComposeFile {
  const doc = parse(text);
  const syntaxErrors = doc.errors.map((e) => ({
    span: spanFromPos(e.pos, text.length),
    message: firstLine(e.message),
  }));
  return { path, text, doc, syntaxErrors, services: serviceEntries(doc) };
}

function parseWhole(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: true });
}

function serviceEntries(doc: Document.Parsed): Map<string, Pair<Scalar, unknown>> {
  const services = new Map<string, Pair<Scalar, unknown>>();
  const root = doc.contents;
  if (!isMap(root)) return services;
  const node = root.get('services', true);
  if (!isMap(node)) return services;
  for (const pair of node.items) {
    if (isScalar(pair.key) && pair.key.value != null) services.set(String(pair.key.value), pair as Pair<Scalar, unknown>);
  }
  return services;
}

function spanFromPos(pos: [number, number], length: number): Span {
  const start = Math.min(pos[0], length);
  return { start, end: Math.max(start, Math.min(pos[1], length)) };
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

export function spanOf(node: unknown): Span | undefined {
  const range = (node as Node | undefined)?.range;
  return range ? { start: range[0], end: range[1] } : undefined;
}

/** The pair of a mapping by key, or undefined when the node is no mapping or lacks the key. */
export function pairOf(node: unknown, key: string): Pair<Scalar, unknown> | undefined {
  if (!isMap(node)) return undefined;
  return (node as YAMLMap).items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair<Scalar, unknown> | undefined;
}

/**
 * A scalar's text as written (quotes, escapes), in a string of its own: results kept with the scalar
 * across edits must not hold a slice of the file version it was read from.
 */
export function sourceText(file: ComposeFile, scalar: Scalar): string {
  return ownCopy(file.text.slice(scalar.range![0], scalar.range![1]));
}

export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value == null) return undefined;
  return String(node.value);
}

export { isMap, isPair, isScalar, isSeq };

const interpolatedByFile = new WeakMap<ComposeFile, Scalar[][]>();
const interpolatedByPiece = new WeakMap<Node, Scalar[]>();

/**
 * Every value scalar (at any depth, never a mapping key) whose text has a `$`: what compose
 * interpolates.
 */
export function interpolatedScalars(file: ComposeFile): Scalar[] {
  return interpolatedScalarsByPiece(file).flat();
}

/**
 * interpolatedScalars in one list per piece, found once per piece: a keystroke re-walks only the piece
 * it changed, and the lists of the others are shared, not copied into a list for the whole file.
 */
export function interpolatedScalarsByPiece(file: ComposeFile): readonly Scalar[][] {
  let lists = interpolatedByFile.get(file);
  if (!lists) interpolatedByFile.set(file, (lists = pieceRoots(file).map((root) => interpolatedScalarsOf(root, file.text))));
  return lists;
}

/** The root node of each piece the file was parsed in (one for a file parsed whole). */
function pieceRoots(file: ComposeFile): Node[] {
  return (piecesOf(file.doc) ?? [file.doc.contents]).filter((root): root is ParsedNode => root != null);
}

function interpolatedScalarsOf(root: Node, text: string): Scalar[] {
  let found = interpolatedByPiece.get(root);
  if (!found) {
    const list: Scalar[] = [];
    const walk = (node: unknown) => {
      if (isScalar(node)) {
        const dollar = node.range ? text.indexOf('$', node.range[0]) : -1;
        if (dollar !== -1 && dollar < node.range![1]) list.push(node);
      } else if (isMap(node)) for (const pair of (node as YAMLMap).items) walk(pair.value);
      else if (isSeq(node)) for (const item of node.items) walk(item);
    };
    walk(root);
    interpolatedByPiece.set(root, (found = list));
  }
  return found;
}

const anchorIndexes = new WeakMap<ComposeFile, Map<string, Node[]>>();

/** Every anchored node by anchor name, in file order. yaml's own Alias.resolve walks the whole
 * document on every call, which made merge-heavy files quadratic. */
function anchorsOf(file: ComposeFile): Map<string, Node[]> {
  let anchors = anchorIndexes.get(file);
  if (!anchors) {
    const index = new Map<string, Node[]>();
    for (const [anchor, node] of pieceRoots(file).flatMap(anchoredNodes)) index.set(anchor, [...(index.get(anchor) ?? []), node]);
    for (const nodes of index.values()) nodes.sort((a, b) => (a.range?.[0] ?? 0) - (b.range?.[0] ?? 0));
    anchors = index;
    anchorIndexes.set(file, anchors);
  }
  return anchors;
}

const anchoredByPiece = new WeakMap<Node, [string, Node][]>();

/** A piece's anchored nodes, found once: unchanged pieces keep theirs across edits. */
function anchoredNodes(root: Node): [string, Node][] {
  let found = anchoredByPiece.get(root);
  if (!found) {
    const list: [string, Node][] = [];
    visit(root, (_key, node) => {
      const anchor = (node as Node | null)?.anchor;
      if (anchor && !isAlias(node)) list.push([anchor, node as Node]);
    });
    anchoredByPiece.set(root, (found = list));
  }
  return found;
}

/** The node an alias (`*name`) stands for: the last definition of the anchor before it. Other nodes as they are. */
export function resolveAlias(node: unknown, file: ComposeFile): unknown {
  if (!isAlias(node)) return node;
  const at = node.range?.[0] ?? Infinity;
  return anchorsOf(file).get(node.source)?.filter((n) => (n.range?.[0] ?? Infinity) < at).pop();
}

export function isMergeKey(pair: Pair): boolean {
  return isScalar(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN';
}

export function keyOf(pair: Pair): string | undefined {
  return isScalar(pair.key) && pair.key.value != null ? String(pair.key.value) : undefined;
}

const readsOnlyItself = new WeakMap<Pair, boolean>();

/**
 * A definition with no alias and no merge key anywhere in its value: what is read from it depends on
 * its own text alone, so results kept for its (unchanged) pair stay right across edits elsewhere.
 */
export function standsAlone(pair: Pair): boolean {
  let alone = readsOnlyItself.get(pair);
  if (alone === undefined) {
    const readsElsewhere = (node: unknown): boolean =>
      isAlias(node) ||
      (isMap(node) && (node.items as Pair[]).some((p) => isMergeKey(p) || readsElsewhere(p.value))) ||
      (isSeq(node) && node.items.some(readsElsewhere));
    alone = !readsElsewhere(pair.value);
    readsOnlyItself.set(pair, alone);
  }
  return alone;
}

/**
 * A mapping's pairs with its `<<` merge keys expanded, as compose reads it: the mapping's own keys
 * win, then the merged mappings in order. The pairs are the originals, so their ranges point into the file.
 */
export function mergedPairs(map: YAMLMap, file: ComposeFile, depth = 0): Pair[] {
  if (!map.items.some(isMergeKey)) return map.items;
  const own = map.items.filter((p) => !isMergeKey(p));
  if (depth > 20) return own;
  const seen = new Set(own.map(keyOf));
  const out = [...own];
  for (const merge of map.items.filter(isMergeKey)) {
    const value = resolveAlias(merge.value, file);
    const sources = isSeq(value) ? value.items.map((i) => resolveAlias(i, file)) : [value];
    for (const source of sources) {
      if (!isMap(source)) continue;
      for (const pair of mergedPairs(source, file, depth + 1)) {
        const key = keyOf(pair);
        if (seen.has(key)) continue;
        seen.add(key);
        out.push(pair);
      }
    }
  }
  return out;
}

/** mergedPairs as a mapping node (for pairOf), after resolving an alias to it. */
export function mergedMap(node: unknown, file: ComposeFile): YAMLMap | undefined {
  const map = resolveAlias(node, file);
  if (!isMap(map)) return undefined;
  if (!map.items.some(isMergeKey)) return map;
  const out = new YAMLMap();
  out.range = map.range;
  out.items = mergedPairs(map, file);
  return out;
}
