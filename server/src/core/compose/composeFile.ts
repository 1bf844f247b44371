// One compose file as written: its YAML with positions, its syntax errors, its service mappings.
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Document, Node, Pair, Scalar, YAMLMap } from 'yaml';
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

export function parseComposeFile(path: string, text: string): ComposeFile {
  const doc = parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: false, uniqueKeys: true });
  const syntaxErrors = doc.errors.map((e) => ({
    span: spanFromPos(e.pos, text.length),
    message: firstLine(e.message),
  }));
  return { path, text, doc, syntaxErrors, services: serviceEntries(doc) };
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

export function scalarText(node: unknown): string | undefined {
  if (!isScalar(node) || node.value == null) return undefined;
  return String(node.value);
}

export { isMap, isPair, isScalar, isSeq };

/** Every scalar that compose interpolates: values at any depth, never mapping keys. */
export function valueScalars(file: ComposeFile): Scalar[] {
  const out: Scalar[] = [];
  const walk = (node: unknown) => {
    if (isScalar(node)) out.push(node);
    else if (isMap(node)) for (const pair of (node as YAMLMap).items) walk(pair.value);
    else if (isSeq(node)) for (const item of node.items) walk(item);
  };
  walk(file.doc.contents);
  return out;
}

/** The node an alias (`*name`) stands for; any other node as it is. */
export function resolveAlias(node: unknown, doc: Document.Parsed): unknown {
  return isAlias(node) ? node.resolve(doc) : node;
}

/**
 * A mapping with its `<<` merge keys expanded, as compose reads it: the mapping's own keys win, then
 * the merged mappings in order. The pairs are the originals, so their ranges still point into the file.
 */
export function mergedMap(node: unknown, doc: Document.Parsed, depth = 0): YAMLMap | undefined {
  const map = resolveAlias(node, doc);
  if (!isMap(map)) return undefined;
  const isMerge = (p: Pair) => isScalar(p.key) && p.key.value === '<<';
  if (!map.items.some(isMerge) || depth > 20) return map;
  const out = new YAMLMap();
  out.range = map.range;
  const seen = new Set<string>();
  const add = (p: Pair) => {
    const key = scalarText(p.key);
    if (key === undefined || seen.has(key)) return;
    seen.add(key);
    out.items.push(p);
  };
  map.items.filter((p) => !isMerge(p)).forEach(add);
  for (const p of map.items.filter(isMerge)) {
    const value = resolveAlias(p.value, doc);
    for (const source of isSeq(value) ? value.items : [value]) mergedMap(source, doc, depth + 1)?.items.forEach(add);
  }
  return out;
}
