// JSON with positions: every value keeps the range of its raw text, so a finding inside a string
// (a dashboard query) can point at the characters in the file. Lenient: it stops at the first
// syntax error and returns what it has read, with the error.
//
// Compact: one pass records each value in typed arrays (kind, start, end, next sibling, key), and
// strings, numbers and keys are read from the text only when asked for. A 2 MB dashboard is mostly
// display configuration that no check reads: it costs a scan, not a few hundred thousand objects.
import type { Span } from '../diagnostic';
import { jsonStringValue } from '../queries/jsonString';

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

/** A value of a {@link JsonTree}: its index, in document order (the root is 0). */
export type JsonNode = number;

export interface JsonParseResult {
  tree?: JsonTree;
  error?: { span: Span; message: string };
}

const OBJECT = 0;
const ARRAY = 1;
const STRING = 2;
const NUMBER = 3;
const TRUE = 4;
const FALSE = 5;
const NULL = 6;
const KIND = 7;
/** Flag bits: a string value, or the key of a member, has a backslash (its text is not its value). */
const ESCAPED = 8;
const KEY_ESCAPED = 16;
const KINDS: readonly JsonKind[] = ['object', 'array', 'string', 'number', 'boolean', 'boolean', 'null'];
const QUOTE = 34;
const BACKSLASH = 92;

export class JsonTree {
  readonly root: JsonNode = 0;

  constructor(
    readonly text: string,
    private readonly flags: Uint8Array,
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
    /** The next value of the same object or array, or -1. */
    private readonly nexts: Int32Array,
    /** For a member's value, where its key's literal starts; otherwise -1. */
    private readonly keyStarts: Int32Array,
    readonly size: number,
  ) {}

  kind(node: JsonNode): JsonKind {
    return KINDS[this.flags[node] & KIND];
  }

  /** The raw text of the value (a string's quotes included). */
  span(node: JsonNode): Span {
    return { start: this.starts[node], end: this.ends[node] };
  }

  /** The values of an object's members or an array's items, in order; [] for anything else. */
  children(node: JsonNode | undefined): JsonNode[] {
    const out: JsonNode[] = [];
    for (let c = this.firstChild(node); c >= 0; c = this.nexts[c]) out.push(c);
    return out;
  }

  /** The items of an array; [] for anything else. */
  items(node: JsonNode | undefined): JsonNode[] {
    return node !== undefined && (this.flags[node] & KIND) === ARRAY ? this.children(node) : [];
  }

  /** The value of a member, when the node is an object that has it (the last one wins, as in JSON.parse). */
  member(node: JsonNode | undefined, key: string): JsonNode | undefined {
    if (node === undefined || (this.flags[node] & KIND) !== OBJECT) return undefined;
    let found: JsonNode | undefined;
    for (let c = this.firstChild(node); c >= 0; c = this.nexts[c]) if (this.keyIs(c, key)) found = c;
    return found;
  }

  /** The decoded value of a string; undefined for anything else. */
  string(node: JsonNode | undefined): string | undefined {
    if (node === undefined || (this.flags[node] & KIND) !== STRING) return undefined;
    return this.stringAt(this.starts[node], this.ends[node], (this.flags[node] & ESCAPED) !== 0);
  }

  /** The string value of a member (undefined when absent or not a string). */
  stringMember(node: JsonNode | undefined, key: string): string | undefined {
    return this.string(this.member(node, key));
  }

  /** The member's key, for a value inside an object. */
  key(node: JsonNode): string | undefined {
    const start = this.keyStarts[node];
    return start < 0 ? undefined : this.stringAt(start, stringEnd(this.text, start), (this.flags[node] & KEY_ESCAPED) !== 0);
  }

  /** The raw text of a member's key, quotes included. */
  keySpan(node: JsonNode): Span | undefined {
    const start = this.keyStarts[node];
    return start < 0 ? undefined : { start, end: stringEnd(this.text, start) };
  }

  /** The value as JSON.parse gives it. */
  value(node: JsonNode): unknown {
    switch (this.flags[node] & KIND) {
      case OBJECT: {
        const out: Record<string, unknown> = {};
        // Defined, not assigned: a `__proto__` key is a member, as in JSON.parse.
        for (let c = this.firstChild(node); c >= 0; c = this.nexts[c]) {
          Object.defineProperty(out, this.key(c)!, { value: this.value(c), writable: true, enumerable: true, configurable: true });
        }
        return out;
      }
      case ARRAY:
        return this.children(node).map((c) => this.value(c));
      case STRING:
        return this.string(node);
      case NUMBER:
        return Number(this.text.slice(this.starts[node], this.ends[node]));
      case NULL:
        return null;
      default:
        return (this.flags[node] & KIND) === TRUE;
    }
  }

  private firstChild(node: JsonNode | undefined): JsonNode {
    if (node === undefined) return -1;
    const kind = this.flags[node] & KIND;
    // Values are numbered in document order: a container's first child, when it has one, is next.
    const child = node + 1;
    return (kind === OBJECT || kind === ARRAY) && child < this.size && this.starts[child] < this.ends[node] ? child : -1;
  }

  private keyIs(node: JsonNode, key: string): boolean {
    const start = this.keyStarts[node];
    if ((this.flags[node] & KEY_ESCAPED) !== 0) return this.key(node) === key;
    return this.text.charCodeAt(start + 1 + key.length) === QUOTE && this.text.startsWith(key, start + 1);
  }

  private stringAt(start: number, end: number, escaped: boolean): string {
    // Most strings have no escape: their value is their text.
    return escaped ? jsonStringValue(this.text.slice(start, end)) : this.text.slice(start + 1, end - 1);
  }
}

/** The end of the string literal starting at `start` (already validated by the reader). */
function stringEnd(text: string, start: number): number {
  let i = start + 1;
  for (let c = text.charCodeAt(i); c !== QUOTE; c = text.charCodeAt(++i)) if (c === BACKSLASH) i++;
  return i + 1;
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
    reader.value(0);
    reader.skipSpace();
    if (reader.pos < text.length) throw new JsonSyntaxError(reader.pos, 'unexpected text after the JSON value');
    return { tree: reader.tree() };
  } catch (error) {
    if (!(error instanceof JsonSyntaxError)) throw error;
    return { error: { span: { start: error.at, end: Math.min(text.length, error.at + 1) }, message: error.message } };
  }
}

const MAX_DEPTH = 200;

class Reader {
  pos = 0;
  private count = 0;
  private flags: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;
  private nexts: Int32Array;
  private keyStarts: Int32Array;

  constructor(private readonly text: string) {
    // Pretty-printed dashboards have a value every ~35 characters.
    const capacity = Math.max(16, text.length >> 5);
    this.flags = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.nexts = new Int32Array(capacity);
    this.keyStarts = new Int32Array(capacity);
  }

  tree(): JsonTree {
    return new JsonTree(this.text, this.flags, this.starts, this.ends, this.nexts, this.keyStarts, this.count);
  }

  skipSpace(): void {
    const text = this.text;
    let pos = this.pos;
    for (let c = text.charCodeAt(pos); c === 32 || c === 10 || c === 13 || c === 9 || c === 0xfeff; c = text.charCodeAt(++pos));
    this.pos = pos;
  }

  /** Reads one value at `pos` (no space before it) and returns its node. */
  value(depth: number): JsonNode {
    if (depth > MAX_DEPTH) throw new JsonSyntaxError(this.pos, 'JSON nests too deeply');
    const start = this.pos;
    const c = this.text.charCodeAt(start);
    if (c === 123) return this.container(OBJECT, depth);
    if (c === 91) return this.container(ARRAY, depth);
    if (c === QUOTE) {
      const node = this.add(STRING, start);
      this.flags[node] |= this.string() ? ESCAPED : 0;
      this.ends[node] = this.pos;
      return node;
    }
    const literal = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : undefined;
    if (literal !== undefined && this.text.startsWith(literal, start)) {
      this.pos += literal.length;
      const node = this.add(c === 116 ? TRUE : c === 102 ? FALSE : NULL, start);
      this.ends[node] = this.pos;
      return node;
    }
    const end = numberEnd(this.text, start);
    if (end < 0) {
      const ch = this.text[start];
      throw new JsonSyntaxError(start, ch === undefined ? 'unexpected end of JSON' : `unexpected character \`${ch}\``);
    }
    const node = this.add(NUMBER, start);
    this.ends[node] = this.pos = end;
    return node;
  }

  /** An object or an array: its members' values (or items) are linked as siblings. */
  private container(kind: typeof OBJECT | typeof ARRAY, depth: number): JsonNode {
    const node = this.add(kind, this.pos++);
    const close = kind === OBJECT ? 125 : 93;
    let previous = -1;
    this.skipSpace();
    // One loop and one way out for empty and full containers alike: code that runs rarely (an empty
    // `panels: []` after a warm-up without one) would otherwise throw away the optimised reader.
    while (this.text.charCodeAt(this.pos) !== close) {
      if (previous >= 0) {
        this.expect(44, ',');
        this.skipSpace();
      }
      let keyStart = -1;
      let keyEscaped = false;
      if (kind === OBJECT) {
        if (this.text.charCodeAt(this.pos) !== QUOTE) throw new JsonSyntaxError(this.pos, 'expected a property name in double quotes');
        keyStart = this.pos;
        keyEscaped = this.string();
        this.skipSpace();
        this.expect(58, ':');
        this.skipSpace();
      }
      const child = this.value(depth + 1);
      this.keyStarts[child] = keyStart;
      this.flags[child] |= keyEscaped ? KEY_ESCAPED : 0;
      if (previous >= 0) this.nexts[previous] = child;
      previous = child;
      this.skipSpace();
    }
    this.ends[node] = ++this.pos;
    return node;
  }

  /** Skips the string literal at `pos`; whether it has a backslash. */
  private string(): boolean {
    const text = this.text;
    const start = this.pos;
    let escaped = false;
    let i = start + 1;
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) break;
      if (c === BACKSLASH) {
        // An escape is a backslash and any character but a line break (`\\.` without the s flag).
        const e = text.charCodeAt(i + 1);
        if (e !== e || e === 10 || e === 13 || e === 0x2028 || e === 0x2029) throw new JsonSyntaxError(start, 'unterminated string');
        escaped = true;
        i += 2;
        continue;
      }
      // NaN: the end of the text.
      if (c === 10 || c !== c) throw new JsonSyntaxError(start, 'unterminated string');
      i++;
    }
    this.pos = i + 1;
    return escaped;
  }

  private add(kind: number, start: number): JsonNode {
    if (this.count === this.flags.length) this.grow();
    const node = this.count++;
    this.flags[node] = kind;
    this.starts[node] = start;
    this.nexts[node] = -1;
    this.keyStarts[node] = -1;
    return node;
  }

  private grow(): void {
    const capacity = this.flags.length * 2;
    const flags = new Uint8Array(capacity);
    flags.set(this.flags);
    this.flags = flags;
    this.starts = grown(this.starts, capacity);
    this.ends = grown(this.ends, capacity);
    this.nexts = grown(this.nexts, capacity);
    this.keyStarts = grown(this.keyStarts, capacity);
  }

  private expect(code: number, c: string): void {
    if (this.text.charCodeAt(this.pos) !== code) throw new JsonSyntaxError(this.pos, `expected \`${c}\``);
    this.pos++;
  }
}

function grown(array: Int32Array, capacity: number): Int32Array {
  const out = new Int32Array(capacity);
  out.set(array);
  return out;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** The end of the number at `start` (`-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`, each part only when whole), or -1. */
function numberEnd(text: string, start: number): number {
  let i = start;
  if (text.charCodeAt(i) === 45) i++;
  const first = text.charCodeAt(i);
  if (first === 48) i++;
  else if (first >= 49 && first <= 57) while (isDigit(text.charCodeAt(++i)));
  else return -1;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i += 2;
    while (isDigit(text.charCodeAt(i))) i++;
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      while (isDigit(text.charCodeAt(++j)));
      i = j;
    }
  }
  return i;
}
