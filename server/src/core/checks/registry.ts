// Every check, by the language it reads. Registering a check is one line here.
import type { Check } from './check';
import type { ComposeTarget } from './compose/target';
import type { DotenvTarget } from './dotenv/target';
import { yamlSyntax } from './compose/yamlSyntax';
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
  return new Map([...composeChecks, ...dotenvChecks].map((c) => [c.code, c.description]));
}
