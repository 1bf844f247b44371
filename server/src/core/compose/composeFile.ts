// One compose file as written: its YAML with positions, its syntax errors, its service mappings.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Document, Node, Pair, Scalar, YAMLMap } from 'yaml';
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
