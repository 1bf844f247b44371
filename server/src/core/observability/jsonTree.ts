// JSON with positions: every value keeps the range of its raw text, so a finding inside a string
// (a dashboard query) can point at the characters in the file. Lenient: it stops at the first
// syntax error and returns what it has read, with the error.
import type { Span } from '../diagnostic';
import { mapToJsonString } from '../queries/jsonString';

export type JsonNode = JsonObject | JsonArray | JsonString | JsonScalar;

export interface JsonObject {
  kind: 'object';
  span: Span;
  members: JsonMember[];
}

export interface JsonMember {
  key: string;
  keySpan: Span;
  value: JsonNode;
}

export interface JsonArray {
  kind: 'array';
  span: Span;
  items: JsonNode[];
}

export interface JsonString {
  kind: 'string';
  /** The literal, quotes included. */
  span: Span;
  value: string;
}

export interface JsonScalar {
  kind: 'number' | 'boolean' | 'null';
  span: Span;
  value: number | boolean | null;
}

export interface JsonParseResult {
  root?: JsonNode;
  error?: { span: Span; message: string };
}

class JsonSyntaxError extends Error {
  constructor(readonly at: number, message: string) {
    super(message);
  }
}

export function parseJsonTree(text: string): JsonParseResult {
  const reader = new Reader(text);
  try {
    reader.skipSpace();
    const root = reader.value(0);
    reader.skipSpace();
    if (reader.pos < text.length) throw new JsonSyntaxError(reader.pos, 'unexpected text after the JSON value');
    return { root };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { error: { span: { start: error.at, end: Math.min(text.length, error.at + 1) }, message: error.message } };
  }
}

const MAX_DEPTH = 200;
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\n]|\\.)*"/y;

class Reader {
  pos = 0;
  constructor(private readonly text: string) {}

  skipSpace(): void {
    for (let c = this.text.charCodeAt(this.pos); c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff; c = this.text.charCodeAt(++this.pos));
  }

  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(this.pos, 'JSON nests too deeply');
    const c = this.text[this.pos];
    if (c === '{') return this.object(depth);
    if (c === '[') return this.array(depth);
    if (c === '"') return this.string();
    const start = this.pos;
    const literal = c === 't' ? 'true' : c === 'f' ? 'false' : c === 'n' ? 'null' : undefined;
    if (literal !== undefined && this.text.startsWith(literal, start)) {
      this.pos += literal.length;
      const value = literal === 'null' ? null : literal === 'true';
      return { kind: value === null ? 'null' : 'boolean', span: { start, end: this.pos }, value };
    }
    NUMBER.lastIndex = start;
    const m = NUMBER.exec(this.text);
    if (!m) throw new JsonSyntaxError(start, c === undefined ? 'unexpected end of JSON' : `unexpected character \`${c}\``);
    this.pos += m[0].length;
    return { kind: 'number', span: { start, end: this.pos }, value: Number(m[0]) };
  }

  private string(): JsonString {
    const start = this.pos;
    STRING.lastIndex = start;
    const m = STRING.exec(this.text);
    if (!m) throw new JsonSyntaxError(start, 'unterminated string');
    this.pos += m[0].length;
    // Most strings have no escape: their value is their text (a 2 MB dashboard has ~100,000 strings).
    const value = m[0].includes('\\') ? mapToJsonString(m[0]).value : m[0].slice(1, -1);
    return { kind: 'string', span: { start, end: this.pos }, value };
  }

  private object(depth: number): JsonObject {
    const start = this.pos++;
    const members: JsonMember[] = [];
    this.skipSpace();
    if (this.text[this.pos] === '}') return { kind: 'object', span: { start, end: ++this.pos }, members };
    for (;;) {
      this.skipSpace();
      if (this.text[this.pos] !== '"') throw new JsonSyntaxError(this.pos, 'expected a property name in double quotes');
      const key = this.string();
      this.skipSpace();
      this.expect(':');
      this.skipSpace();
      members.push({ key: key.value, keySpan: key.span, value: this.value(depth + 1) });
      this.skipSpace();
      if (this.text[this.pos] === '}') return { kind: 'object', span: { start, end: ++this.pos }, members };
      this.expect(',');
    }
  }

  private array(depth: number): JsonArray {
    const start = this.pos++;
    const items: JsonNode[] = [];
    this.skipSpace();
    if (this.text[this.pos] === ']') return { kind: 'array', span: { start, end: ++this.pos }, items };
    for (;;) {
      this.skipSpace();
      items.push(this.value(depth + 1));
      this.skipSpace();
      if (this.text[this.pos] === ']') return { kind: 'array', span: { start, end: ++this.pos }, items };
      this.expect(',');
    }
  }

  private expect(c: string): void {
    if (this.text[this.pos] !== c) throw new JsonSyntaxError(this.pos, `expected \`${c}\``);
    this.pos++;
  }
}

/** The value of a member, when the node is an object that has it (the last one wins, as in JSON.parse). */
export function member(node: JsonNode | undefined, key: string): JsonNode | undefined {
  if (node?.kind !== 'object') return undefined;
  for (let i = node.members.length - 1; i >= 0; i--) if (node.members[i].key === key) return node.members[i].value;
  return undefined;
}

export function stringMember(node: JsonNode | undefined, key: string): JsonString | undefined {
  const value = member(node, key);
  return value?.kind === 'string' ? value : undefined;
}

export function arrayItems(node: JsonNode | undefined): JsonNode[] {
  return node?.kind === 'array' ? node.items : [];
}
