// The compose-spec schema as a table of nodes, resolved once ($ref, oneOf) by
// scripts/generate-compose-schema.mjs: what each place of a compose file accepts, per JSON type.
import table from './composeSchema.json';

export type JsonType = 'null' | 'boolean' | 'integer' | 'number' | 'string' | 'array' | 'object';

export interface SchemaNode {
  /** The JSON types accepted; undefined accepts any value and checks nothing below it. */
  types?: ReadonlySet<JsonType>;
  // For mappings.
  properties?: ReadonlyMap<string, SchemaNode>;
  patternProperties?: readonly { pattern: RegExp; node: SchemaNode }[];
  /** false: a key neither listed nor matching a pattern is refused; a node: such keys' values match it. */
  additionalProperties?: false | SchemaNode;
  // For lists.
  items?: SchemaNode;
  // For strings.
  enum?: readonly string[];
  pattern?: { source: string; regexp: RegExp };
  /** What the pattern allows, in words, where the pattern alone says it badly. */
  allowed?: string;
  // For numbers.
  minimum?: number;
  maximum?: number;
}

interface RawNode {
  types?: string[];
  properties?: Record<string, number>;
  patternProperties?: [string, number][];
  additionalProperties?: false | number;
  items?: number;
  enum?: string[];
  pattern?: string;
  allowed?: string;
  minimum?: number;
  maximum?: number;
}

/** Where the table came from: the npm package and the schema file it ships. */
export const schemaSource: Readonly<{ package: string; version: string; file: string }> = table.source;

/** The whole file: top-level keys, services and every nested property. */
export const composeRoot: SchemaNode = build(table.nodes as unknown as RawNode[])[table.root];

/** True for a node that accepts anything (an `x-` extension value, an unconstrained option). */
export function acceptsAnything(node: SchemaNode): boolean {
  return node.types === undefined && node.properties === undefined && node.patternProperties === undefined && node.additionalProperties === undefined;
}

function build(raw: RawNode[]): SchemaNode[] {
  const nodes: SchemaNode[] = raw.map(() => ({}));
  raw.forEach((r, i) => {
    const node = nodes[i] as { -readonly [K in keyof SchemaNode]: SchemaNode[K] };
    if (r.types) node.types = new Set(r.types as JsonType[]);
    if (r.properties) node.properties = new Map(Object.entries(r.properties).map(([k, id]) => [k, nodes[id]]));
    if (r.patternProperties) node.patternProperties = r.patternProperties.map(([p, id]) => ({ pattern: new RegExp(p, 'u'), node: nodes[id] }));
    if (r.additionalProperties !== undefined) node.additionalProperties = r.additionalProperties === false ? false : nodes[r.additionalProperties];
    if (r.items !== undefined) node.items = nodes[r.items];
    if (r.enum) node.enum = r.enum;
    if (r.pattern) node.pattern = { source: r.pattern, regexp: new RegExp(r.pattern, 'u') };
    if (r.allowed) node.allowed = r.allowed;
    if (r.minimum !== undefined) node.minimum = r.minimum;
    if (r.maximum !== undefined) node.maximum = r.maximum;
  });
  return nodes;
}
