import type { Check } from '../check';
import type { DotenvTarget } from './target';

export const dotenvSyntax: Check<DotenvTarget> = {
  code: 'dotenv/syntax',
  severity: 'error',
  description: 'A line compose cannot parse: it refuses the env file.',
  run({ file, parsed }, report) {
    for (const error of parsed.errors) report({ file, span: error.span, message: error.message });
  },
};
