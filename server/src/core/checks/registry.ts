// Every check, by the language it reads. Registering a compose or .env check is one line here; the
// Alloy and observability checks are registered in checks/alloy/registry.ts and checks/queries/registry.ts,
// which load with their languages.
import type { Check } from './check';
import { alloyLanguage, observabilityLanguage } from '../languages/load';
import type { ComposeTarget } from './compose/target';
import type { DotenvTarget } from './dotenv/target';
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

/** Code to one-line description, for SARIF rules and documentation. */
export function checkDescriptions(): Map<string, string> {
  const { alloyChecks } = alloyLanguage();
  const { queryChecks, lokiChecks } = observabilityLanguage();
  return new Map([...composeChecks, ...dotenvChecks, ...alloyChecks, ...queryChecks, ...lokiChecks].map((c) => [c.code, c.description]));
}
