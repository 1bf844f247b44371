import { isAlias, isMap, isScalar, isSeq, type Node, type Pair, type YAMLMap } from 'yaml';
import type { Check, Report } from '../check';
import type { Fix, Span } from '../../diagnostic';
import { keyOf, mergedPairs, resolveAlias, standsAlone, type ComposeFile } from '../../compose/composeFile';
import { acceptsAnything, composeRoot, type JsonType, type SchemaNode } from '../../compose/schema/composeSchema';
import { closestMatch } from '../../text/suggest';
import type { ComposeTarget } from './target';

export const schema: Check<ComposeTarget> = {
  code: 'compose/schema',
  severity: 'error',
  description: 'A key the compose specification does not define, or a value of the wrong type or outside the allowed values: compose refuses to load the file.',
  run({ stack, settings }, report) {
    if (!settings.schemaValidation) return;
    for (const file of stack.files) {
      if (file.doc.contents == null) continue;
      new SchemaWalk(file, report).visit(file.doc.contents, composeRoot, undefined);
    }
  },
};

/** Where a value sits, innermost step last; built as a chain so only a finding pays for the string. */
interface Path {
  parent?: Path;
  step: string | number;
}

function steps(path: Path | undefined): (string | number)[] {
  const out: (string | number)[] = [];
  for (let p = path; p; p = p.parent) out.push(p.step);
  return out.reverse();
}

// Where compose-go converts a string to a boolean or number before it validates (loader/interpolate.go):
// `required: "yes"` loads, so a string there is not a type error. `*` is any key, `[]` any list index.
const CAST_PATHS = [
  'cpu_count', 'cpu_percent', 'cpu_period', 'cpu_quota', 'cpu_rt_period', 'cpu_rt_runtime', 'cpus', 'cpu_shares', 'init',
  'depends_on.*.required', 'depends_on.*.restart', 'deploy.replicas', 'deploy.update_config.parallelism',
  'deploy.update_config.max_failure_ratio', 'deploy.rollback_config.parallelism', 'deploy.rollback_config.max_failure_ratio',
  'deploy.restart_policy.max_attempts', 'deploy.placement.max_replicas_per_node', 'healthcheck.retries', 'healthcheck.disable',
  'oom_kill_disable', 'oom_score_adj', 'pids_limit', 'ports.[].target', 'privileged', 'read_only', 'scale', 'stdin_open', 'tty',
  'ulimits.*', 'ulimits.*.hard', 'ulimits.*.soft', 'volumes.[].read_only', 'volumes.[].volume.nocopy',
]
  .map((p) => `services.*.${p}`)
  .concat(['external', 'internal', 'attachable', 'enable_ipv4', 'enable_ipv6'].map((p) => `networks.*.${p}`))
  .concat(['volumes', 'secrets', 'configs'].map((p) => `${p}.*.external`))
  .map((p) => p.split('.'));

function isCastPath(at: Path | undefined): boolean {
  const path = steps(at);
  return CAST_PATHS.some((cast) => cast.length === path.length && cast.every((part, i) => (part === '*' ? typeof path[i] === 'string' : part === '[]' ? typeof path[i] === 'number' : part === path[i])));
}

interface RecordedFinding {
  span: Span;
  message: string;
  fixes: Fix[];
}

/**
 * A service's findings (or a top-level section's, like `volumes:`), kept with the offset of its key
 * while its text is unchanged (an unchanged piece keeps its parsed pair across keystrokes, its ranges
 * shifted in place). Only for definitions that read no alias or merge key: those depend on text elsewhere.
 */
const pairFindings = new WeakMap<Pair, { at: number; findings: RecordedFinding[] }>();

function isSpan(value: unknown): value is Span {
  return typeof (value as Span | undefined)?.start === 'number' && (value as { range?: unknown }).range === undefined;
}

function shifted(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

/** One file against the schema table. Aliases and merge keys are followed once per (node, schema). */
class SchemaWalk {
  private readonly reported = new Set<string>();
  private readonly followed = new Map<Node, Set<SchemaNode>>();
  /** The findings of the service being visited. */
  private recording?: RecordedFinding[];

  constructor(
    private readonly file: ComposeFile,
    private readonly report: Report,
  ) {}

  /** `key` is the mapping key the value belongs to: findings on an empty value point at it. */
  visit(value: unknown, node: SchemaNode, path: Path | undefined, key?: unknown): void {
    if (acceptsAnything(node)) return;
    if (isAlias(value)) {
      const target = resolveAlias(value, this.file) as Node | undefined;
      if (target && this.firstVisit(target, node)) this.visit(target, node, path);
      return;
    }
    const tag = (value as Node | undefined)?.tag;
    // `!reset` drops the value before compose validates; a custom-tagged scalar is not what it reads as.
    if (tag === '!reset' || (tag?.startsWith('!') && !tag.startsWith('!!') && isScalar(value))) return;
    const type = typeOf(value);
    if (type === undefined) return;
    // Interpolated first: `${VAR}` may become any type or value.
    if (type === 'string' && String((value as { value: string }).value).includes('$')) return;
    if (node.types && !accepts(node.types, type) && !(type === 'string' && isCastPath(path))) {
      const empty = type === 'null' && this.span(value)?.start === this.span(value)?.end;
      this.add(empty && key ? key : value, path ? `${render(path)} must be ${article(node.types)}` : 'top-level object must be a mapping');
      return;
    }
    if (type === 'object') this.visitMapping(value as YAMLMap, node, path);
    else if (type === 'array' && node.items) (value as { items: unknown[] }).items.forEach((item, i) => this.visit(item, node.items!, { parent: path, step: i }));
    else if (type === 'string') this.checkString(value as { value: string }, node, path);
    else if (type === 'number' || type === 'integer') this.checkNumber(value as { value: number }, node, path);
  }

  private visitMapping(map: YAMLMap, node: SchemaNode, path: Path | undefined): void {
    const pairs = mergedPairs(map, this.file);
    // Each service, and each known top-level section but `services` (whose services are replayed one by
    // one); an unknown top-level key's finding depends on its siblings (the rename fix).
    const isServices = path?.parent === undefined && path?.step === 'services';
    const isRoot = path === undefined;
    for (const pair of pairs) {
      const key = isRoot ? keyOf(pair) : undefined;
      if (isServices || (key !== undefined && key !== 'services' && node.properties?.has(key))) this.visitReplayable(pair, node, path, pairs);
      else this.visitPair(pair, node, path, pairs);
    }
  }

  private visitReplayable(pair: Pair, node: SchemaNode, path: Path | undefined, pairs: Pair[]): void {
    const at = (pair.key as Node | null)?.range?.[0];
    const known = pairFindings.get(pair);
    if (known && at !== undefined) {
      const delta = at - known.at;
      for (let i = 0; i < known.findings.length; i++) {
        const f = known.findings[i];
        this.add(shifted(f.span, delta), f.message, f.fixes.map((fix) => ({ ...fix, edits: fix.edits.map((e) => ({ ...e, span: shifted(e.span, delta) })) })));
      }
      return;
    }
    if (at === undefined || !standsAlone(pair)) return this.visitPair(pair, node, path, pairs);
    this.recording = [];
    this.visitPair(pair, node, path, pairs);
    pairFindings.set(pair, { at, findings: this.recording });
    this.recording = undefined;
  }

  private visitPair(pair: Pair, node: SchemaNode, path: Path | undefined, pairs: Pair[]): void {
    const key = keyOf(pair);
    if (key === undefined) return;
    const childPath = { parent: path, step: key };
    const property = node.properties?.get(key);
    if (property) this.visit(pair.value, property, childPath, pair.key);
    let matched = property !== undefined;
    for (const p of node.patternProperties ?? []) {
      if (!p.pattern.test(key)) continue;
      matched = true;
      this.visit(pair.value, p.node, childPath, pair.key);
    }
    if (matched) return;
    if (node.additionalProperties === false) this.unknownKey(pair, key, node, path, pairs);
    else if (node.additionalProperties) this.visit(pair.value, node.additionalProperties, childPath, pair.key);
  }

  private unknownKey(pair: Pair, key: string, node: SchemaNode, path: Path | undefined, siblings: Pair[]): void {
    const suggestion = node.properties ? suggest(key, [...node.properties.keys()]) : undefined;
    const allowsExtensions = node.patternProperties?.some((p) => p.pattern.source === '^x-');
    const where = path ? `${render(path)} ` : '';
    const hint = suggestion ? `: did you mean "${suggestion}"?` : allowsExtensions ? ' (extension keys start with "x-")' : '';
    const span = this.span(pair.key);
    // Renaming onto a key the mapping already has would only trade this error for a duplicate key.
    const fixes: Fix[] =
      suggestion && span && !siblings.some((p) => keyOf(p) === suggestion)
        ? [{ title: `Rename to "${suggestion}"`, edits: [{ file: this.file.path, span, newText: suggestion }], preferred: true }]
        : [];
    this.add(pair.key, `${where}additional properties ${quote(key)} not allowed${hint}`, fixes);
  }

  private checkString(scalar: { value: string }, node: SchemaNode, path: Path | undefined): void {
    const text = scalar.value;
    if (node.enum && !node.enum.includes(text)) {
      const allowed = node.enum.map(quote);
      this.add(scalar, `${render(path)} value must be ${allowed.length === 1 ? allowed[0] : `one of ${allowed.join(', ')}`}`);
    } else if (node.pattern && !node.pattern.regexp.test(text)) {
      this.add(scalar, node.allowed ? `${render(path)} ${quote(text)} is not allowed: use ${node.allowed}` : `${render(path)} ${quote(text)} does not match pattern ${quote(node.pattern.source)}`);
    }
  }

  private checkNumber(scalar: { value: number }, node: SchemaNode, path: Path | undefined): void {
    if (node.minimum !== undefined && scalar.value < node.minimum) this.add(scalar, `${render(path)} must be greater than or equal to ${node.minimum}`);
    else if (node.maximum !== undefined && scalar.value > node.maximum) this.add(scalar, `${render(path)} must be less than or equal to ${node.maximum}`);
  }

  private firstVisit(target: Node, node: SchemaNode): boolean {
    const schemas = this.followed.get(target) ?? new Set<SchemaNode>();
    this.followed.set(target, schemas);
    if (schemas.has(node)) return false;
    schemas.add(node);
    return true;
  }

  /** `at` is a node, or the span a recorded finding had. */
  private add(at: unknown, message: string, fixes: Fix[] = []): void {
    const span = isSpan(at) ? at : this.span(at);
    if (!span) return;
    this.recording?.push({ span, message, fixes });
    // One finding a place: a merged anchor is read under every service that merges it.
    const id = `${span.start}:${span.end}`;
    if (this.reported.has(id)) return;
    this.reported.add(id);
    this.report({ file: this.file.path, span, message, fixes });
  }

  /** The node's text without the line breaks and indentation a block collection's range ends with. */
  private span(node: unknown): Span | undefined {
    const range = (node as Node | undefined)?.range;
    if (!range) return undefined;
    let end = range[1];
    while (end > range[0] && /\s/.test(this.file.text[end - 1])) end--;
    return { start: range[0], end };
  }
}

/**
 * A mapping's pairs as compose reads them: `<<` merge keys (YAML 1.1, which compose-go's parser keeps)
 * bring in the pairs of the mapping(s) they name, except keys the mapping sets itself.
 */
/** closestMatch, and a swap of two neighbouring letters (`imgae`), which it counts as two edits. */
function suggest(key: string, candidates: string[]): string | undefined {
  return closestMatch(key, candidates) ?? candidates.find((c) => isTransposition(key.toLowerCase(), c));
}

function isTransposition(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
}

function typeOf(value: unknown): JsonType | undefined {
  if (isMap(value)) return 'object';
  if (isSeq(value)) return 'array';
  if (!isScalar(value)) return undefined;
  const v = value.value;
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'boolean') return 'boolean';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isFinite(v) ? (Number.isInteger(v) ? 'integer' : 'number') : undefined;
  return undefined;
}

/** An integer is also a number; a number with a fraction is no integer. */
function accepts(types: ReadonlySet<JsonType>, type: JsonType): boolean {
  return types.has(type) || (type === 'integer' && types.has('number'));
}

/** compose-go's words for the accepted types: "a string", "a boolean or string", "a mapping". */
function article(types: ReadonlySet<JsonType>): string {
  const names = [...types].map((t) => (t === 'object' ? 'mapping' : t)).sort();
  const text = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
  return `${/^[aeiou]/.test(text) ? 'an' : 'a'} ${text}`;
}

function render(path: Path | undefined): string {
  return steps(path).join('.');
}

/** Quoted as compose-go's schema errors quote: single quotes. */
function quote(text: string): string {
  return `'${text.replace(/'/g, "\\'")}'`;
}
