// Which language a query is in when its data source does not say, and one parse per query text for
// all the checks that read it.
import { parseLogQL } from '../queries/logql';
import { parsePromQL } from '../queries/promql';
import type { ParsedQuery, QueryLanguage } from '../queries/queryParse';

const cache = new Map<string, ParsedQuery>();
// Large enough for the biggest dashboards (a 2 MB one has ~3,000 queries): a cleared cache would
// make every check parse every query again.
const CACHE_LIMIT = 20_000;

export function parseQuery(expr: string, language: QueryLanguage): ParsedQuery {
  const key = `${language}\0${expr}`;
  let parsed = cache.get(key);
  if (parsed === undefined) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    parsed = language === 'logql' ? parseLogQL(expr) : parsePromQL(expr);
    cache.set(key, parsed);
  }
  return parsed;
}

// A stream selector followed by a pipeline stage or a line filter on a string: only LogQL has these.
const LOGQL_SIGN = /\}\s*(?:\||!=\s*["'`]|!~\s*["'`])/;

export function looksLikeLogQL(expr: string): boolean {
  return LOGQL_SIGN.test(expr);
}

export interface LanguageGuess {
  language: QueryLanguage;
  /** The expression parses in that language: its problems are real ones. */
  confident: boolean;
}

/**
 * The language an expression parses in, preferring `hint` (a data source name that says `loki`);
 * when it parses in neither, the likelier one, not confident (its syntax errors are not reported).
 */
export function guessLanguage(expr: string, hint?: QueryLanguage): LanguageGuess {
  const looksLogql = looksLikeLogQL(expr);
  const order: QueryLanguage[] = hint ? [hint, hint === 'logql' ? 'promql' : 'logql'] : looksLogql ? ['logql', 'promql'] : ['promql', 'logql'];
  for (const language of order) if (parseQuery(expr, language).errors.length === 0) return { language, confident: true };
  return { language: order[0], confident: false };
}
