import type { Check } from '../check';
import type { ComposeTarget } from './target';

export const yamlSyntax: Check<ComposeTarget> = {
  code: 'compose/yaml-syntax',
  severity: 'error',
  description: 'The file is not valid YAML: compose cannot read it.',
  run({ stack }, report) {
    for (const file of stack.files) {
      for (const error of file.syntaxErrors) {
        report({ file: file.path, span: error.span, message: `${error.message}. Compose cannot read this file until it is fixed.` });
      }
    }
  },
};
