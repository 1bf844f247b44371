import type { Check } from '../check';
import type { AlloyTarget } from './target';

export const alloySyntax: Check<AlloyTarget> = {
  code: 'river/syntax',
  severity: 'error',
  description: 'Alloy cannot parse the file (the errors `alloy fmt` and `alloy run` print).',
  run({ file, parsed }, report) {
    for (const error of parsed.errors) report({ file, span: error.span, message: error.message });
  },
};
