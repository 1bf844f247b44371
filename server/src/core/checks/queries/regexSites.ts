// Every regex of a file in one shape, wherever it is: a `=~` matcher or `|~` line filter inside a
// query, a relabel `regex`, a pipeline stage `expression`. Checks read the value and write a new one.
import type { Span, TextEdit } from '../../diagnostic';
import type { EmbeddedQuery, EmbeddedString } from '../../observability/embedded';
import type { Anchoring } from '../../patterns/re2';
import type { LabelMatcher, LineFilter, ParsedQuery } from '../../queries/queryParse';
import type { QueryFileTarget } from './target';

export interface RegexSite {
  file: string;
  value: string;
  anchoring: Anchoring;
  where: string;
  /** File span of a span of `value`. */
  fileSpan(span: Span): Span;
  /** Edits writing `pattern` in place of the value; undefined when it cannot be written safely. */
  replace(pattern: string): TextEdit[] | undefined;
}

/** Sites by target: the RE2 and glob checks both walk them, and a target is never changed. */
const sitesOf = new WeakMap<QueryFileTarget, RegexSite[]>();

export function regexSites(target: QueryFileTarget): RegexSite[] {
  let sites = sitesOf.get(target);
  if (sites === undefined) sitesOf.set(target, (sites = findRegexSites(target)));
  return sites;
}

function findRegexSites(target: QueryFileTarget): RegexSite[] {
  const sites: RegexSite[] = [];
  // Indexed loops: this runs once per query on a file's first check, before V8 optimises it, when
  // every for-of step would allocate.
  const queries = target.queries;
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i];
    const parsed = usableParse(q);
    if (!parsed) continue;
    const { matchers, lineFilters } = parsed;
    for (let k = 0; k < matchers.length; k++) {
      const m = matchers[k];
      if ((m.op === '=~' || m.op === '!~') && !m.containsVariable) sites.push(new QueryValueSite(q, m, m.anchoring));
    }
    for (let k = 0; k < lineFilters.length; k++) {
      const f = lineFilters[k];
      if (f.isRegex && !f.containsVariable) sites.push(new QueryValueSite(q, f, f.anchoring));
    }
  }
  for (const p of target.patterns) {
    if (p.syntax !== 'regex' || p.value.includes('${')) continue;
    sites.push({
      file: p.file,
      value: p.value,
      anchoring: p.anchoring,
      where: p.where,
      fileSpan: (s) => ({ start: p.toFile(s.start), end: p.toFile(s.end) }),
      replace: (pattern) => replaceContent(p, pattern),
    });
  }
  return sites;
}

/** The parse of a query, unless it is a guess that failed (error recovery's matchers are guesses too). */
export function usableParse(q: EmbeddedQuery): ParsedQuery | undefined {
  return q.confident || q.parsed.errors.length === 0 ? q.parsed : undefined;
}

/**
 * A regex value inside a query (a class: a dashboard has a site per regex matcher, two closures each
 * would add up). Its description is written only for a finding.
 */
class QueryValueSite implements RegexSite {
  readonly file: string;
  readonly value: string;

  constructor(
    private readonly q: EmbeddedQuery,
    private readonly v: LabelMatcher | LineFilter,
    readonly anchoring: Anchoring,
  ) {
    this.file = q.file;
    this.value = v.value;
  }

  get where(): string {
    const v = this.v;
    if ('label' in v) return `${this.q.where}, matcher \`${v.label}${v.op}\``;
    return `${this.q.where}, ${v.op === 'regexp' ? '`regexp` stage' : `line filter \`${v.op}\``}`;
  }

  fileSpan(s: Span): Span {
    return { start: this.q.toFile(this.v.valueToOriginal(s.start)), end: this.q.toFile(this.v.valueToOriginal(s.end)) };
  }

  replace(pattern: string): TextEdit[] | undefined {
    const { q, v } = this;
    const edit = queryEdit(q, v.valueSpan, quoteLike(q.value.slice(v.valueSpan.start, v.valueSpan.end), pattern));
    return edit && [edit];
  }
}

/** An edit replacing a span of a query (offsets into the query) with query text, encoded for the file. */
export function queryEdit(q: EmbeddedString, span: Span, text: string): TextEdit | undefined {
  const encoded = q.encode?.(text);
  return encoded === undefined ? undefined : { file: q.file, span: { start: q.toFile(span.start), end: q.toFile(span.end) }, newText: encoded };
}

/** Replaces the whole value of an embedded string, between its quotes (a block scalar keeps its line break). */
export function replaceContent(s: EmbeddedString, value: string): TextEdit[] | undefined {
  const content = s.value.replace(/\n+$/, '');
  if (content.includes('\n')) return undefined;
  const encoded = s.encode?.(value);
  return encoded === undefined ? undefined : [{ file: s.file, span: { start: s.toFile(0), end: s.toFile(content.length) }, newText: encoded }];
}

/** A PromQL/LogQL string literal for `value`, in the quotes of `literal` (a raw string when it can be). */
export function quoteLike(literal: string, value: string): string {
  const quote = literal[0];
  if (quote === '`' && !value.includes('`')) return `\`${value}\``;
  const q = quote === "'" ? "'" : '"';
  return q + value.replace(/\\/g, '\\\\').replace(new RegExp(q, 'g'), `\\${q}`).replace(/\n/g, '\\n') + q;
}

/** Go quotes the offending text in backticks at the end of its message: point there when it is found once. */
export function offendingPart(pattern: string, reason: string): Span {
  const quoted = /`([^`]*)`$/.exec(reason)?.[1];
  const at = quoted ? pattern.indexOf(quoted) : -1;
  if (quoted && at >= 0 && quoted !== pattern) return { start: at, end: at + quoted.length };
  return { start: 0, end: pattern.length };
}
