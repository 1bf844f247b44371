import type { Check } from '../check';
import { findRegexAsGlob } from '../../patterns/globHints';
import { replaceContent } from '../queries/regexSites';
import type { QueryFileTarget } from '../queries/target';

export const regexAsGlob: Check<QueryFileTarget> = {
  code: 'glob/regex-as-glob',
  severity: 'warning',
  description: 'A Promtail `__path__` written as a regex: it takes a doublestar glob.',
  run({ patterns }, report) {
    for (const p of patterns) {
      if (p.syntax !== 'glob') continue;
      const hint = findRegexAsGlob(p.value);
      if (!hint) continue;
      const edits = hint.suggestion !== undefined ? replaceContent(p, hint.suggestion) : undefined;
      report({
        file: p.file,
        span: { start: p.toFile(hint.span.start), end: p.toFile(hint.span.end) },
        message: `${p.where}: ${hint.message}`,
        fixes: edits ? [{ title: `Use the glob \`${hint.suggestion}\``, edits, preferred: true }] : [],
      });
    }
  },
};
