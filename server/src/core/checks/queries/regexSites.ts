// Every regex of a file in one shape, wherever it is: a `=~` matcher or `|~` line filter inside a
// query, a relabel `regex`, a pipeline stage `expression`. Checks read the value and write a new one.
import type { Span, TextEdit } from '../../diagnostic';
import type { EmbeddedQuery, EmbeddedString } from '../../observability/embedded';
import type { Anchoring } from '../../patterns/re2';
import type { ParsedQuery, QueryValue } from '../../queries/queryParse';
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

export function regexSites(target: QueryFileTarget): RegexSite[] {
  const sites: RegexSite[] = [];
  for (const q of target.queries) {
    const parsed = usableParse(q);
    if (!parsed) continue;
    for (const m of parsed.matchers) {
      if ((m.op === '=~' || m.op === '!~') && !m.containsVariable) sites.push(queryValueSite(q, m, m.anchoring, `${q.where}, matcher \`${m.label}${m.op}\``));
    }
    for (const f of parsed.lineFilters) {
      if (f.isRegex && !f.containsVariable) sites.push(queryValueSite(q, f, f.anchoring, `${q.where}, ${f.op === 'regexp' ? '`regexp` stage' : `line filter \`${f.op}\``}`));
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

function queryValueSite(q: EmbeddedQuery, v: QueryValue, anchoring: Anchoring, where: string): RegexSite {
  return {
    file: q.file,
    value: v.value,
    anchoring,
    where,
    fileSpan: (s) => ({ start: q.toFile(v.valueToOriginal(s.start)), end: q.toFile(v.valueToOriginal(s.end)) }),
    replace: (pattern) => {
      const edit = queryEdit(q, v.valueSpan, quoteLike(q.value.slice(v.valueSpan.start, v.valueSpan.end), pattern));
      return edit && [edit];
    },
  };
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
