import { stringValue } from '../../alloy/quote';
import { findGlobAsRegex } from '../../patterns/globHints';
import { validateRe2 } from '../../patterns/re2';
import type { Check } from '../check';
import { regexSites } from './regexSites';
import { quoteLike, valueSpan } from './stringLiterals';
import type { AlloyTarget } from './target';

export const invalidRe2: Check<AlloyTarget> = {
  code: 'regex/invalid-re2',
  severity: 'error',
  description: 'A regex Alloy compiles with Go RE2 and rejects (lookarounds, backreferences, a bare `*`...).',
  run({ file, model }, report) {
    for (const site of regexSites(model)) {
      const pattern = stringValue(site.literal.raw);
      const result = validateRe2(pattern);
      if (result.ok) continue;
      const glob = findGlobAsRegex(pattern, site.anchoring);
      const part = glob?.span ?? offendingPart(pattern, result.reason);
      report({
        file,
        span: valueSpan(site.literal, part),
        message: `${site.where}: error parsing regexp: ${result.reason}` + (glob ? `. ${glob.message}` : ''),
        fixes: glob?.suggestion !== undefined
          ? [{ title: `Use the regex \`${glob.suggestion}\``, edits: [{ file, span: site.literal.span, newText: quoteLike(site.literal, glob.suggestion) }], preferred: true }]
          : [],
      });
    }
  },
};

/** Go quotes the offending text in backticks at the end of its message: point there when it is found once. */
function offendingPart(pattern: string, reason: string): { start: number; end: number } {
  const quoted = /`([^`]*)`$/.exec(reason)?.[1];
  const at = quoted ? pattern.indexOf(quoted) : -1;
  if (quoted && at >= 0 && quoted !== pattern) return { start: at, end: at + quoted.length };
  return { start: 0, end: pattern.length };
}
