import type { Check } from '../check';
import type { QueryFileTarget } from './target';

const NAMES = { promql: 'PromQL', logql: 'LogQL' };

export const querySyntax: Check<QueryFileTarget> = {
  code: 'query/syntax',
  severity: 'warning',
  description: 'A PromQL or LogQL query that does not parse (Grafana template variables and macros are understood).',
  run({ queries }, report) {
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i];
      // A query whose language is a guess may be fine in the language we did not guess.
      if (!q.confident) continue;
      const error = q.parsed.errors[0];
      if (!error) continue;
      report({
        file: q.file,
        span: { start: q.toFile(error.span.start), end: q.toFile(error.span.end) },
        message: `${q.where}: ${NAMES[q.language]} syntax error: ${error.message}`,
      });
    }
  },
};
