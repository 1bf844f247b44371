#!/usr/bin/env node
// Generates server/src/core/compose/schema/composeSchema.json from the compose-spec JSON schema that the
// `dclint` dev dependency ships (schemas/compose.schema.json):
//
//   npm run generate:compose-schema
//
// The schema's $ref, oneOf and anyOf are resolved here, so the check walks a flat table of nodes at run
// time: per node the JSON types it accepts and, per type, its keys, items, enum, pattern and bounds.
// Descriptions are dropped. `required` and `uniqueItems` are not kept: compose validates the files merged,
// so a key required in a base file may rightly be missing from an override.
// DEBUG_UNION=1 lists the oneOf branches that overlap (their shared type is left unconstrained).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'dclint';
const SCHEMA_FILE = 'schemas/compose.schema.json';
const OUT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../server/src/core/compose/schema/composeSchema.json');

// What docker compose (compose-go) accepts beyond this copy of the schema: keys added upstream after the
// package's snapshot, and the engine's restart policies, which the schema leaves as any string. Each
// entry names where it goes, so a newer package that already has the key makes the entry fail loudly.
const SUPPLEMENTS = [
  { at: ['definitions', 'service', 'properties', 'build', 'oneOf', 1, 'properties'], key: 'provenance', schema: { type: ['string', 'boolean'] } },
  { at: ['definitions', 'service', 'properties', 'build', 'oneOf', 1, 'properties'], key: 'sbom', schema: { type: ['string', 'boolean'] } },
  { at: ['definitions', 'service', 'properties', 'build', 'oneOf', 1, 'properties'], key: 'no_cache_filter', schema: { $ref: '#/definitions/string_or_list' } },
  { at: ['definitions', 'development', 'properties', 'watch', 'items', 'properties'], key: 'initial_sync', schema: { type: 'boolean' } },
  // Init containers; their shape is still moving, so only the list itself is checked.
  { at: ['definitions', 'service', 'properties'], key: 'pre_start', schema: { type: 'array' } },
  // `models: {name: }` (a model without options) is accepted by compose-go.
  { at: ['definitions', 'service', 'properties', 'models', 'oneOf', 1, 'patternProperties', '^[a-zA-Z0-9._-]+$'], key: 'type', schema: ['object', 'null'], replaces: 'object' },
  // Docker refuses to create a container with any other policy.
  {
    at: ['definitions', 'service', 'properties'],
    key: 'restart',
    schema: { type: 'string', pattern: '^(no|always|unless-stopped|on-failure(:[0-9]+)?)$', allowed: '"no", "always", "on-failure[:max-retries]" or "unless-stopped"' },
    replaces: { type: 'string' },
  },
];

const TYPES = ['null', 'boolean', 'integer', 'number', 'string', 'array', 'object'];
// Keywords that only document, or that the check leaves out on purpose.
const IGNORED = new Set(['description', 'title', 'deprecated', 'default', '$schema', '$id', 'definitions', 'required', 'uniqueItems', 'format']);

function main() {
  const require = createRequire(import.meta.url);
  const packageJson = require.resolve(`${PACKAGE}/package.json`);
  const version = JSON.parse(fs.readFileSync(packageJson, 'utf8')).version;
  const text = fs.readFileSync(path.join(path.dirname(packageJson), SCHEMA_FILE), 'utf8');
  const schema = JSON.parse(text);
  applySupplements(schema);

  const table = new Table(schema);
  const root = table.add(schema);
  const out = {
    source: { package: PACKAGE, version, file: SCHEMA_FILE, sha256: createHash('sha256').update(text).digest('hex'), schemaId: schema.$id ?? null },
    supplements: SUPPLEMENTS.map((s) => [...s.at, s.key].join('/')),
    root,
    nodes: table.nodes,
  };
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  // One node a line: a regenerated table reviews as a diff of the nodes that changed.
  const nodes = out.nodes.map((n, i) => `  ${JSON.stringify(n)}${i < out.nodes.length - 1 ? ',' : ''}`).join('\n');
  fs.writeFileSync(OUT, JSON.stringify({ ...out, nodes: [] }, null, 2).replace('"nodes": []', `"nodes": [\n${nodes}\n  ]`) + '\n');
  console.log(`${path.relative(process.cwd(), OUT)}: ${table.nodes.length} nodes from ${PACKAGE}@${version}`);
}

function applySupplements(schema) {
  for (const s of SUPPLEMENTS) {
    const where = [...s.at, s.key].join('.');
    const parent = s.at.reduce((node, part) => node?.[part], schema);
    if (!parent || typeof parent !== 'object') throw new Error(`supplement ${where}: no such place in the schema`);
    // A newer schema that changed the place makes the supplement stale: say so rather than overwrite it.
    const current = parent[s.key] === undefined ? undefined : strip(parent[s.key]);
    if (JSON.stringify(current) !== JSON.stringify(s.replaces)) throw new Error(`supplement ${where}: the schema now has ${JSON.stringify(current)}, review the supplement`);
    parent[s.key] = s.schema;
  }
}

function strip(schema) {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return schema;
  const { description, ...rest } = schema;
  return rest;
}

const KEYWORDS = new Set(['type', 'properties', 'patternProperties', 'additionalProperties', 'items', 'enum', 'pattern', 'allowed', 'minimum', 'maximum', 'oneOf', 'anyOf', '$ref']);

/** Flattens schemas into deduplicated nodes; node 0 accepts anything. */
class Table {
  constructor(rootSchema) {
    this.rootSchema = rootSchema;
    this.nodes = [{}];
    this.ids = new Map([['{}', 0]]);
    this.resolving = new Set();
  }

  add(schema) {
    const shape = this.shape(schema);
    const node = {};
    if (shape.types) node.types = TYPES.filter((t) => shape.types.has(t));
    if (shape.object) Object.assign(node, this.objectNode(shape.object));
    if (shape.array?.items) {
      const items = this.add(shape.array.items);
      if (items !== 0) node.items = items;
    }
    Object.assign(node, shape.string, shape.number);
    return this.intern(node);
  }

  objectNode(object) {
    const node = {};
    if (object.properties) node.properties = Object.fromEntries(Object.entries(object.properties).map(([k, v]) => [k, this.add(v)]));
    if (object.patternProperties) node.patternProperties = Object.entries(object.patternProperties).map(([re, v]) => [re, this.add(v)]);
    if (object.additionalProperties === false) node.additionalProperties = false;
    else if (object.additionalProperties !== undefined && object.additionalProperties !== true) {
      const id = this.add(object.additionalProperties);
      if (id !== 0) node.additionalProperties = id;
    }
    return node;
  }

  intern(node) {
    const key = JSON.stringify(node);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.nodes.length;
      this.nodes.push(node);
      this.ids.set(key, id);
    }
    return id;
  }

  /**
   * A schema as what it accepts per JSON type: `types` undefined means any type; `object`, `array`,
   * `string` and `number` hold the constraints on values of that type (undefined: none).
   */
  shape(schema) {
    if (typeof schema !== 'object' || schema === null) throw new Error(`unsupported schema ${JSON.stringify(schema)}`);
    const ref = schema.$ref;
    if (!ref) return this.ownShape(schema);
    if (!ref.startsWith('#/')) throw new Error(`external $ref ${ref}`);
    if (this.resolving.has(ref)) throw new Error(`recursive $ref ${ref}: a flat table cannot hold it`);
    const target = ref.slice(2).split('/').reduce((node, part) => node?.[part], this.rootSchema);
    if (!target) throw new Error(`unresolved $ref ${ref}`);
    this.resolving.add(ref);
    try {
      return this.shape(target);
    } finally {
      this.resolving.delete(ref);
    }
  }

  ownShape(s) {
    for (const key of Object.keys(s)) {
      if (!IGNORED.has(key) && !KEYWORDS.has(key)) throw new Error(`unsupported keyword ${key} in ${JSON.stringify(s).slice(0, 200)}`);
    }
    const branches = s.oneOf ?? s.anyOf;
    if (branches) {
      if (Object.keys(s).some((k) => KEYWORDS.has(k) && k !== 'oneOf' && k !== 'anyOf')) throw new Error(`oneOf beside constraints: ${JSON.stringify(s).slice(0, 200)}`);
      return branches.map((b) => this.shape(b)).reduce(union);
    }
    const shape = {};
    if (s.type !== undefined) shape.types = new Set(Array.isArray(s.type) ? s.type : [s.type]);
    for (const t of shape.types ?? []) if (!TYPES.includes(t)) throw new Error(`unknown type ${t}`);
    if (s.properties || s.patternProperties || s.additionalProperties !== undefined) {
      shape.object = { properties: s.properties, patternProperties: s.patternProperties, additionalProperties: s.additionalProperties };
    }
    if (s.items !== undefined) {
      if (Array.isArray(s.items)) throw new Error('tuple items are not supported');
      shape.array = { items: s.items };
    }
    if (s.enum || s.pattern) {
      if (s.enum && !s.enum.every((v) => typeof v === 'string')) throw new Error(`non-string enum ${JSON.stringify(s.enum)}`);
      if (s.pattern) new RegExp(s.pattern, 'u');
      shape.string = defined({ enum: s.enum, pattern: s.pattern, allowed: s.allowed });
    }
    if (s.minimum !== undefined || s.maximum !== undefined) shape.number = defined({ minimum: s.minimum, maximum: s.maximum });
    return shape;
  }
}

function defined(object) {
  return Object.fromEntries(Object.entries(object).filter(([, v]) => v !== undefined));
}

/**
 * What either of two shapes accepts. Where both accept the same type, that type keeps no constraints:
 * the check must never report a value that one of the branches allows.
 */
function union(a, b) {
  if (!a.types || !b.types) return {};
  const has = (shape, types) => types.some((t) => shape.types.has(t));
  for (const t of a.types) if (b.types.has(t) && process.env.DEBUG_UNION) console.error('overlap', t, JSON.stringify([a[t], b[t]]).slice(0, 200));
  const pick = (types, key) => (has(a, types) && has(b, types) ? undefined : has(a, types) ? a[key] : b[key]);
  return {
    types: new Set([...a.types, ...b.types]),
    object: pick(['object'], 'object'),
    array: pick(['array'], 'array'),
    string: pick(['string'], 'string'),
    number: pick(['number', 'integer'], 'number'),
  };
}

main();
