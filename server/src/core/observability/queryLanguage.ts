// Which language a query is in when its data source does not say, and one parse per query text for
// all the checks that read it.
import { parseLogQL } from '../queries/logql';
import { parsePromQL } from '../queries/promql';
import { GenerationCache } from '../queries/generationCache';
import type { ParsedQuery, QueryLanguage } from '../queries/queryParse';

// Kept across checks, so an edit re-reads only the queries it changed: the queries of a dashboard
// or two (a 2 MB one has ~1,400), not of every file ever checked.
const parses = new GenerationCache<ParsedQuery>(2_000);

export function parseQuery(expr: string, language: QueryLanguage): ParsedQuery {
  const key = `${language}\0${expr}`;
  let parsed = parses.get(key);
  if (parsed === undefined) {
    // A slice of the key is a copy of the query: what the cache keeps (the key, the parse's strings)
    // must not be slices of the file's text, which would keep every version of the file alive.
    const own = key.slice(language.length + 1);
    parsed = language === 'logql' ? parseLogQL(own) : parsePromQL(own);
    parses.set(key, parsed);
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
  /** The expression parsed in that language. */
  parsed: ParsedQuery;
}

/**
 * The language an expression parses in, preferring `hint` (a data source name that says `loki`);
 * when it parses in neither, the likelier one, not confident (its syntax errors are not reported).
 */
export function guessLanguage(expr: string, hint?: QueryLanguage): LanguageGuess {
  const looksLogql = looksLikeLogQL(expr);
  const order: QueryLanguage[] = hint ? [hint, hint === 'logql' ? 'promql' : 'logql'] : looksLogql ? ['logql', 'promql'] : ['promql', 'logql'];
  for (const language of order) {
    const parsed = parseQuery(expr, language);
    if (parsed.errors.length === 0) return { language, confident: true, parsed };
  }
  return { language: order[0], confident: false, parsed: parseQuery(expr, order[0]) };
}
