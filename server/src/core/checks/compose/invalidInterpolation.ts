import type { Check } from '../check';
import { forEachTemplateError } from './variableReferences';
import type { ComposeTarget } from './target';

export const invalidInterpolation: Check<ComposeTarget> = {
  code: 'compose/invalid-interpolation',
  severity: 'error',
  description: 'A `$` expression compose cannot parse: it refuses the whole file.',
  run({ stack }, report) {
    forEachTemplateError(stack, (file, base, error) => {
      const span = { start: base + error.span.start, end: base + error.span.end };
      report({
        file: file.path,
        span,
        message: error.message,
        fixes: [{ title: 'Escape the $ as $$', edits: [{ file: file.path, span: { start: span.start, end: span.start + 1 }, newText: '$$' }] }],
      });
    });
  },
};
