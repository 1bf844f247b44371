import type { Check } from '../check';
import { findGlobAsRegex } from '../../patterns/globHints';
import { validateRe2 } from '../../patterns/re2';
import { regexSites } from './regexSites';
import type { QueryFileTarget } from './target';

export const globAsRegex: Check<QueryFileTarget> = {
  code: 'regex/glob-as-regex',
  severity: 'warning',
  description: 'An anchored regex (`=~` matcher, relabel `regex`) written like a glob (`app-*`): it does not match what the glob would.',
  run(target, report) {
    const sites = regexSites(target);
    for (let i = 0; i < sites.length; i++) {
      const site = sites[i];
      // Invalid patterns are regex/invalid-re2's, which carries the same fix.
      if (site.anchoring !== 'anchored' || !validateRe2(site.value).ok) continue;
      const hint = findGlobAsRegex(site.value, 'anchored');
      if (!hint) continue;
      const edits = hint.suggestion !== undefined ? site.replace(hint.suggestion) : undefined;
      report({
        file: site.file,
        span: site.fileSpan(hint.span),
        message: `${site.where}: ${hint.message}`,
        fixes: edits ? [{ title: `Use the regex \`${hint.suggestion}\``, edits, preferred: true }] : [],
      });
    }
  },
};
