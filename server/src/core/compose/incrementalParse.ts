// Re-parsing a 13,000-line compose file on every keystroke costs ~150 ms in the yaml library. An edit
// touches one service, so the file is cut where YAML allows it (top-level keys, and each service
// under `services:`), each piece is parsed on its own and kept while its text is unchanged, and the
// pieces are put back together into one document with every range in file offsets.
import { Document, isCollection, isPair, isScalar, Pair, parseDocument, Scalar, YAMLMap, type Node, type ParsedNode, type YAMLError } from 'yaml';

/** What is kept of a piece's parse: its nodes and errors, not the yaml Document (options, schema, directives) around them. */
interface ParsedPiece {
  /** The piece's text, in a string of its own (see ownCopy). */
  text: string;
  contents: ParsedNode | null;
  errors: YAMLError[];
  /** The range arrays of the piece's nodes (each node once), shifted in place. */
  ranges: [number, number, number][];
  /** The file offset the piece's ranges currently hold. */
  offset: number;
  /** The parse that last used the piece: one piece serves one place of a file (two identical services need two). */
  round: number;
}

const OPTIONS = { prettyErrors: false, uniqueKeys: true } as const;
const SCHEMA = new Document(null, OPTIONS).schema;

/**
 * At column 0, in one pass over the text: a document marker or a directive (streams of several
 * documents, and directives, are parsed whole), or `key:` (a column-0 continuation of a multi-line
 * scalar rarely has the `: ` form).
 */
const TOP_LEVEL_LINE = /^(?:(---|\.\.\.|%)|[^\s#\-][^\n:]*:(?=[ \t]|$))/gm;

/**
 * Offsets where a top-level key starts (the first piece also holds any leading comments); undefined
 * when the text is not splittable, or content comes before the first key, which only a whole parse
 * judges right.
 */
function topLevelStarts(text: string): number[] | undefined {
  const starts = [0];
  for (const m of text.matchAll(TOP_LEVEL_LINE)) {
    if (m[1] !== undefined) return undefined;
    if (m.index > 0) starts.push(m.index);
  }
  const lead = text.slice(0, starts[1] ?? text.length);
  if (starts.length > 1 && !/^[^\s#\-]/.test(text) && /^[ \t]*[^\s#]/m.test(lead)) return undefined;
  return starts;
}

/** Offsets inside a `services:` section where each service starts, after the section's first line. */
function serviceStarts(section: string): number[] | undefined {
  const body = section.indexOf('\n') + 1;
  if (body === 0) return undefined;
  const first = /^([ ]+)[^\s#\-]/m.exec(section.slice(body));
  if (!first) return undefined;
  const indent = first[1].length;
  // Service keys, and lines indented less than the services, in one pass. Those lines, and content
  // before the first service, are no service: only a whole parse judges them.
  const shallower = indent > 1 ? `| {1,${indent - 1}}[^\\s#]` : '';
  const line = new RegExp(`^(?: {${indent}}[^\\s#\\-][^\\n:]*:(?=[ \\t]|$)${shallower})`, 'gm');
  const starts: number[] = [];
  // test(), not matchAll: no match object per service. A match lies within one line, so it starts where its line does.
  for (line.lastIndex = body; line.test(section); ) {
    const start = section.lastIndexOf('\n', line.lastIndex - 1) + 1;
    if (section.charCodeAt(start + indent - 1) !== 0x20) return undefined;
    starts.push(start);
  }
  const beforeFirst = section.slice(body, starts[0] ?? body);
  return /^[ \t]*[^\s#]/m.test(beforeFirst) ? undefined : starts;
}

/**
 * A piece is a slice of the whole text, and V8 keeps a slice's parent alive: the nodes of a piece
 * kept across keystrokes would hold every version of the file they were parsed from. The
 * concatenation is flattened into a string of its own; the slice then shares only that.
 */
export function ownCopy(text: string): string {
  return (' ' + text).slice(1);
}

/**
 * Every range array of a piece's nodes, found once: a piece moved by an edit before it is shifted in
 * a flat loop. On the way, what a kept piece would hold for good is cut: each collection's item list
 * to its length (yaml grows them by push, with room for 17 items or more), and its schema (one per
 * parse, with its tag lists) for one shared schema of the same options.
 */
function rangesOf(node: unknown, out: [number, number, number][] = []): [number, number, number][] {
  if (isPair(node)) {
    rangesOf(node.key, out);
    rangesOf(node.value, out);
    return out;
  }
  const n = node as Node | null;
  if (!n || typeof n !== 'object') return out;
  if (n.range) out.push(n.range);
  if (isCollection(n)) {
    n.schema = SCHEMA;
    n.items = n.items.slice();
    for (const item of n.items) rangesOf(item, out);
  }
  return out;
}

const piecesOfDocument = new WeakMap<Document.Parsed, (ParsedNode | null)[]>();

/** The root nodes of the pieces an assembled document was made of (for indexes built per piece). */
export function piecesOf(doc: Document.Parsed): (ParsedNode | null)[] | undefined {
  return piecesOfDocument.get(doc);
}

/** `services:` at the start of a top-level piece (matched from lastIndex). */
const SERVICES_KEY = /services:[ \t]*(#.*)?(\n|$)/y;

export class IncrementalComposeParser {
  /** The pieces of the last parse, in file order. */
  private order: ParsedPiece[] = [];
  private round = 0;

  parse(text: string): Document.Parsed {
    const tops = topLevelStarts(text);
    if (!tops) return parseDocument(text, OPTIONS);
    // Every piece's bounds first: the last parse's pieces are matched by position, counted from either end.
    const serviceStartsOf = tops.map((start, i) => {
      SERVICES_KEY.lastIndex = start;
      return SERVICES_KEY.test(text) ? serviceStarts(text.slice(start, tops[i + 1] ?? text.length)) : undefined;
    });
    const total = serviceStartsOf.reduce((n, starts) => n + (starts?.length ? 1 + starts.length : 1), 0);
    const previous = this.order;
    this.order = [];
    this.round++;
    const root = new YAMLMap();
    const errors: YAMLError[] = [];
    for (const [i, start] of tops.entries()) {
      const end = tops[i + 1] ?? text.length;
      const starts = serviceStartsOf[i];
      if (!starts || starts.length === 0) {
        const contents = this.piece(text, start, end, previous, total, errors);
        if (isCollection(contents)) root.items.push(...(contents.items as Pair[]));
        continue;
      }
      const head = this.piece(text, start, start + starts[0], previous, total, errors);
      const headPair = (head as YAMLMap | null)?.items?.[0] as Pair | undefined;
      const services = new YAMLMap();
      for (const [k, serviceStart] of starts.entries()) {
        const contents = this.piece(text, start + serviceStart, starts[k + 1] === undefined ? end : start + starts[k + 1], previous, total, errors);
        if (isCollection(contents)) services.items.push(...(contents.items as Pair[]));
      }
      services.range = [start + starts[0], end, end];
      // A new pair: the cached head piece must keep its own (empty) value.
      if (headPair) root.items.push(new Pair(headPair.key, services));
    }
    root.range = [0, text.length, text.length];
    duplicateKeys(root, errors);
    const doc = new Document() as unknown as Document.Parsed;
    piecesOfDocument.set(doc, this.order.map((p) => p.contents));
    doc.contents = root as unknown as Document.Parsed["contents"];
    doc.errors = errors;
    return doc;
  }

  /** The root node of the piece text[start, end), reused from the last parse when it can be, with ranges moved to `start`. */
  private piece(text: string, start: number, end: number, previous: ParsedPiece[], total: number, errors: YAMLError[]): ParsedNode | null {
    const index = this.order.length;
    // An edit changes the pieces it touches: those before it are where they were counted from the
    // start, those after it counted from the end. Compared, not hashed as map keys: faster.
    const slice = text.slice(start, end);
    let parsed = previous[index];
    if (!this.fits(parsed, slice)) parsed = previous[index + previous.length - total];
    if (!this.fits(parsed, slice)) {
      const own = ownCopy(slice);
      const doc = parseDocument(own, OPTIONS);
      parsed = { text: own, contents: doc.contents, errors: doc.errors, ranges: rangesOf(doc.contents).slice(), offset: 0, round: 0 };
    }
    parsed.round = this.round;
    if (parsed.offset !== start) {
      const delta = start - parsed.offset;
      for (const range of parsed.ranges) {
        range[0] += delta;
        range[1] += delta;
        range[2] += delta;
      }
      for (const e of parsed.errors) e.pos = [e.pos[0] + delta, e.pos[1] + delta];
      parsed.offset = start;
    }
    this.order.push(parsed);
    errors.push(...parsed.errors);
    return parsed.contents;
  }

  private fits(parsed: ParsedPiece | undefined, slice: string): parsed is ParsedPiece {
    return parsed !== undefined && parsed.round !== this.round && parsed.text === slice;
  }
}

/** The unique-key check the pieces cannot make on their own: across top-level keys and across services. */
function duplicateKeys(root: YAMLMap, errors: YAMLError[]): void {
  const check = (map: YAMLMap) => {
    const seen = new Set<string>();
    for (const pair of map.items as Pair[]) {
      if (!isScalar(pair.key)) continue;
      const key = String((pair.key as Scalar).value);
      const range = (pair.key as Node).range!;
      if (seen.has(key)) errors.push({ name: 'YAMLParseError', code: 'DUPLICATE_KEY', message: 'Map keys must be unique', pos: [range[0], range[1]] } as YAMLError);
      seen.add(key);
    }
  };
  check(root);
  const services = (root.items as Pair[]).find((p) => isScalar(p.key) && (p.key as Scalar).value === 'services')?.value;
  if (services instanceof YAMLMap) check(services);
}
