import { stringValue } from '../../alloy/quote';
import { findGlobAsRegex } from '../../patterns/globHints';
import { validateRe2 } from '../../patterns/re2';
import type { Check } from '../check';
import { regexSites } from './regexSites';
import { quoteLike, valueSpan } from './stringLiterals';
import type { AlloyTarget } from './target';

export const globAsRegex: Check<AlloyTarget> = {
  code: 'regex/glob-as-regex',
  severity: 'warning',
  description: 'A relabel regex written like a glob (`app-*`): anchored, it does not match what the glob would.',
  run({ file, model }, report) {
    for (const site of regexSites(model)) {
      const pattern = stringValue(site.literal.raw);
      // Invalid patterns are regex/invalid-re2's, which carries the same fix.
      if (site.anchoring !== 'anchored' || !validateRe2(pattern).ok) continue;
      const hint = findGlobAsRegex(pattern, 'anchored');
      if (!hint) continue;
      report({
        file,
        span: valueSpan(site.literal, hint.span),
        message: `${site.where}: ${hint.message}`,
        fixes: hint.suggestion !== undefined
          ? [{ title: `Use the regex \`${hint.suggestion}\``, edits: [{ file, span: site.literal.span, newText: quoteLike(site.literal, hint.suggestion) }], preferred: true }]
          : [],
      });
    }
  },
};
