// Grafana's own query-variable functions wrap PromQL and LogQL: `label_values(up{job="a"}, instance)`,
// `query_result(topk(5, …))`, `label_names()`, `metrics(regex)`. Only the wrapped query is PromQL/LogQL.
import type { Span } from '../diagnostic';

export interface InnerQuery {
  /** Offsets into the variable's query string. */
  span: Span;
  /** A selector for Grafana's series lookup (a bare query with no function), not a full query. */
  selectorOnly: boolean;
}

const CALL = /^\s*(label_values|label_names|query_result|metrics)\s*\(([\s\S]*)\)\s*$/;

/** The PromQL/LogQL inside a variable query, or undefined when there is none to check. */
export function innerQuery(query: string): InnerQuery | undefined {
  if (query.trim() === '') return undefined;
  const m = CALL.exec(query);
  if (!m) {
    const start = query.length - query.trimStart().length;
    return { span: { start, end: query.trimEnd().length }, selectorOnly: true };
  }
  const [, fn, args] = m;
  const argsStart = query.indexOf('(', query.indexOf(fn) + fn.length) + 1;
  const argsEnd = argsStart + args.length;
  if (fn === 'metrics') return undefined; // a regex over metric names, checked by Grafana
  if (fn === 'query_result') return trimmed(query, argsStart, argsEnd, false);
  if (fn === 'label_names') return args.trim() === '' ? undefined : trimmed(query, argsStart, argsEnd, true);
  // label_values(label) or label_values(selector, label): the label is after the last top-level comma.
  const comma = lastTopLevelComma(query, argsStart, argsEnd);
  return comma < 0 ? undefined : trimmed(query, argsStart, comma, true);
}

function trimmed(text: string, start: number, end: number, selectorOnly: boolean): InnerQuery | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return start < end ? { span: { start, end }, selectorOnly } : undefined;
}

function lastTopLevelComma(text: string, start: number, end: number): number {
  let depth = 0;
  let quote: string | undefined;
  let last = -1;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote !== '`') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'" || c === '`') quote = c;
    else if ('({['.includes(c)) depth++;
    else if (')}]'.includes(c)) depth--;
    else if (c === ',' && depth === 0) last = i;
  }
  return last;
}
