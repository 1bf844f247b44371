import type { Check } from '../check';
import { findGlobAsRegex } from '../../patterns/globHints';
import { validateRe2 } from '../../patterns/re2';
import { offendingPart, regexSites } from './regexSites';
import type { QueryFileTarget } from './target';

export const invalidRe2: Check<QueryFileTarget> = {
  code: 'regex/invalid-re2',
  severity: 'error',
  description: 'A regex Prometheus, Loki or Promtail compiles with Go RE2 and rejects (lookarounds, backreferences, a bare `*`...).',
  run(target, report) {
    const sites = regexSites(target);
    for (let i = 0; i < sites.length; i++) {
      const site = sites[i];
      const result = validateRe2(site.value);
      if (result.ok) continue;
      const glob = findGlobAsRegex(site.value, site.anchoring);
      const edits = glob?.suggestion !== undefined ? site.replace(glob.suggestion) : undefined;
      report({
        file: site.file,
        span: site.fileSpan(glob?.span ?? offendingPart(site.value, result.reason)),
        message: `${site.where}: error parsing regexp: ${result.reason}` + (glob ? `. ${glob.message}` : ''),
        fixes: edits ? [{ title: `Use the regex \`${glob!.suggestion}\``, edits, preferred: true }] : [],
      });
    }
  },
};
