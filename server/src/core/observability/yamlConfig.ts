// Reading Prometheus, Promtail and Loki YAML with positions: small accessors over `yaml` nodes.
import { isMap, isScalar, isSeq, parseDocument, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';

export function parseYamlConfig(text: string): Document.Parsed {
  return parseDocument(text, { prettyErrors: false, uniqueKeys: false });
}

/** The value node of a mapping key, or undefined when the node is no mapping or lacks the key. */
export function get(node: unknown, key: string): unknown {
  return pairOf(node, key)?.value ?? undefined;
}

export function pairOf(node: unknown, key: string): Pair<Scalar, unknown> | undefined {
  if (!isMap(node)) return undefined;
  return (node as YAMLMap).items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair<Scalar, unknown> | undefined;
}

export function items(node: unknown): unknown[] {
  return isSeq(node) ? node.items : [];
}

export function entries(node: unknown): Array<Pair<Scalar, unknown>> {
  return isMap(node) ? ((node as YAMLMap).items.filter((p) => isScalar(p.key)) as Array<Pair<Scalar, unknown>>) : [];
}

export function keyOf(pair: Pair<Scalar, unknown>): string {
  return String(pair.key.value);
}

export function scalar(node: unknown): Scalar | undefined {
  return isScalar(node) && node.value !== null && typeof node.value !== 'object' ? node : undefined;
}

export function scalarValue(node: unknown): string | undefined {
  const s = scalar(node);
  return s === undefined ? undefined : String(s.value);
}

/** The top-level keys of a YAML text, cheaply, without parsing (for telling file kinds apart). */
export function topLevelKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const m of text.matchAll(/^([A-Za-z_][\w.-]*)[ \t]*:(?=[ \t]|$)/gm)) keys.add(m[1]);
  return keys;
}
