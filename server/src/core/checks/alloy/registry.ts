// The Alloy checks. Registering one is one line here; they load with the Alloy language (languages/load.ts).
import type { Check } from '../check';
import type { AlloyTarget } from './target';
import { alloySyntax } from './syntax';
import { unknownComponent } from './unknownComponent';
import { unknownBlock } from './unknownBlock';
import { unknownAttribute } from './unknownAttribute';
import { missingRequired } from './missingRequired';
import { duplicateComponent } from './duplicateComponent';
import { typeMismatch } from './typeMismatch';
import { unknownReference } from './unknownReference';
import { cycle } from './cycle';
import { invalidRe2 } from './invalidRe2';
import { globAsRegex } from './globAsRegex';
import { regexAsGlob } from './regexAsGlob';
import { unusedComponent } from './unusedComponent';
import { rawDockerSocket } from './rawDockerSocket';

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
