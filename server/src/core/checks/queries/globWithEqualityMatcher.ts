import type { Check } from '../check';
import type { Fix } from '../../diagnostic';
import { globToRegex } from '../../patterns/globConversion';
import type { EmbeddedQuery } from '../../observability/embedded';
import type { LabelMatcher } from '../../queries/queryParse';
import { queryEdit, quoteLike, usableParse } from './regexSites';
import type { QueryFileTarget } from './target';

export const globWithEqualityMatcher: Check<QueryFileTarget> = {
  code: 'query/glob-with-equality-matcher',
  severity: 'warning',
  description: '`=`/`!=` compare the whole value as text: a `*` in the value is a literal star, not a wildcard.',
  run({ queries }, report) {
    for (let i = 0; i < queries.length; i++) {
      const q = queries[i];
      const matchers = usableParse(q)?.matchers ?? [];
      for (let k = 0; k < matchers.length; k++) {
        const m = matchers[k];
        if ((m.op !== '=' && m.op !== '!=') || m.containsVariable || !m.value.includes('*')) continue;
        const regex = globToRegex(m.value);
        const op = m.op === '=' ? '=~' : '!~';
        report({
          file: q.file,
          // The operator and the value together are the mistake: `="app*"`.
          span: { start: q.toFile(m.opSpan.start), end: q.toFile(m.valueSpan.end) },
          message:
            `${q.where}: \`${m.label}${m.op}"${m.value}"\` compares the whole value with the text \`${m.value}\`, star included; ` +
            `\`${m.op}\` takes no wildcards. For a pattern, write \`${m.label}${op}"${regex}"\`.`,
          fixes: regexFix(q, m, op, regex),
        });
      }
    }
  },
};

function regexFix(q: EmbeddedQuery, m: LabelMatcher, op: string, regex: string): Fix[] {
  const opEdit = queryEdit(q, m.opSpan, op);
  const valueEdit = queryEdit(q, m.valueSpan, quoteLike(q.value.slice(m.valueSpan.start, m.valueSpan.end), regex));
  if (!opEdit || !valueEdit) return [];
  return [{ title: `Use \`${op}"${regex}"\``, edits: [opEdit, valueEdit], preferred: true }];
}
