// Every check, by the language it reads. Registering a check is one line here.
import type { Check } from './check';
import type { ComposeTarget } from './compose/target';
import type { DotenvTarget } from './dotenv/target';
import type { AlloyTarget } from './alloy/target';
import { yamlSyntax } from './compose/yamlSyntax';
import { schema } from './compose/schema';
import { invalidInterpolation } from './compose/invalidInterpolation';
import { undefinedVariable } from './compose/undefinedVariable';
import { dependsOnInitCondition } from './compose/dependsOnInitCondition';
import { completedOnLongRunning } from './compose/completedOnLongRunning';
import { healthyWithoutHealthcheck } from './compose/healthyWithoutHealthcheck';
import { unknownService } from './compose/unknownService';
import { dependencyCycle } from './compose/dependencyCycle';
import { unpinnedImage } from './compose/unpinnedImage';
import { dockerSocketAsNonRoot } from './compose/dockerSocketAsNonRoot';
import { lokiLoggingDriver } from './compose/lokiLoggingDriver';
import { dotenvSyntax } from './dotenv/syntax';
import { dotenvDuplicateKey } from './dotenv/duplicateKey';
import { alloySyntax } from './alloy/syntax';
import { unknownComponent } from './alloy/unknownComponent';
import { unknownBlock } from './alloy/unknownBlock';
import { unknownAttribute } from './alloy/unknownAttribute';
import { missingRequired } from './alloy/missingRequired';
import { duplicateComponent } from './alloy/duplicateComponent';
import { typeMismatch } from './alloy/typeMismatch';
import { unknownReference } from './alloy/unknownReference';
import { cycle } from './alloy/cycle';
import { invalidRe2 } from './alloy/invalidRe2';
import { globAsRegex } from './alloy/globAsRegex';
import { regexAsGlob } from './alloy/regexAsGlob';
import { unusedComponent } from './alloy/unusedComponent';
import { rawDockerSocket } from './alloy/rawDockerSocket';
import type { QueryFileTarget } from './queries/target';
import type { LokiTarget } from './loki/target';
import { querySyntax } from './queries/syntax';
import { globWithEqualityMatcher } from './queries/globWithEqualityMatcher';
import { invalidRe2 as queryInvalidRe2 } from './queries/invalidRe2';
import { globAsRegex as queryGlobAsRegex } from './queries/globAsRegex';
import { unknownLogLabel } from './queries/unknownLogLabel';
import { regexAsGlob as pathRegexAsGlob } from './prometheus/regexAsGlob';
import { retentionNotEnforced } from './loki/retentionNotEnforced';
import { retentionNeedsDeleteStore } from './loki/retentionNeedsDeleteStore';

export const composeChecks: readonly Check<ComposeTarget>[] = [
  yamlSyntax,
  schema,
  invalidInterpolation,
  undefinedVariable,
  dependsOnInitCondition,
  completedOnLongRunning,
  healthyWithoutHealthcheck,
  unknownService,
  dependencyCycle,
  unpinnedImage,
  dockerSocketAsNonRoot,
  lokiLoggingDriver,
];

export const dotenvChecks: readonly Check<DotenvTarget>[] = [dotenvSyntax, dotenvDuplicateKey];

export const alloyChecks: readonly Check<AlloyTarget>[] = [
  alloySyntax,
  unknownComponent,
  unknownBlock,
  unknownAttribute,
  missingRequired,
  duplicateComponent,
  typeMismatch,
  unknownReference,
  cycle,
  invalidRe2,
  globAsRegex,
  regexAsGlob,
  unusedComponent,
  rawDockerSocket,
];

/** Queries and patterns in dashboards and in Prometheus, Promtail and Loki configurations. */
export const queryChecks: readonly Check<QueryFileTarget>[] = [
  querySyntax,
  globWithEqualityMatcher,
  queryInvalidRe2,
  queryGlobAsRegex,
  pathRegexAsGlob,
  unknownLogLabel,
];

export const lokiChecks: readonly Check<LokiTarget>[] = [retentionNotEnforced, retentionNeedsDeleteStore];

/** Code to one-line description, for SARIF rules and documentation. */
export function checkDescriptions(): Map<string, string> {
  return new Map([...composeChecks, ...dotenvChecks, ...alloyChecks, ...queryChecks, ...lokiChecks].map((c) => [c.code, c.description]));
}
