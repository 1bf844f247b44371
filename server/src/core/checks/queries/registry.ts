// The checks of dashboards and of Prometheus, Promtail and Loki configurations. Registering one is one
// line here; they load with the observability language (languages/load.ts).
import type { Check } from '../check';
import type { LokiTarget } from '../loki/target';
import { retentionNeedsDeleteStore } from '../loki/retentionNeedsDeleteStore';
import { retentionNotEnforced } from '../loki/retentionNotEnforced';
import { regexAsGlob as pathRegexAsGlob } from '../prometheus/regexAsGlob';
import type { QueryFileTarget } from './target';
import { querySyntax } from './syntax';
import { globWithEqualityMatcher } from './globWithEqualityMatcher';
import { invalidRe2 } from './invalidRe2';
import { globAsRegex } from './globAsRegex';
import { unknownLogLabel } from './unknownLogLabel';

/** Queries and patterns in dashboards and in Prometheus, Promtail and Loki configurations. */
export const queryChecks: readonly Check<QueryFileTarget>[] = [
  querySyntax,
  globWithEqualityMatcher,
  invalidRe2,
  globAsRegex,
  pathRegexAsGlob,
  unknownLogLabel,
];

/** Loki's own settings. */
export const lokiChecks: readonly Check<LokiTarget>[] = [retentionNotEnforced, retentionNeedsDeleteStore];
