import type { Expr } from '../../alloy/ast';
import { attributesOf } from '../../alloy/traverse';
import { stringValue } from '../../alloy/quote';
import { findRegexAsGlob } from '../../patterns/globHints';
import type { Check } from '../check';
import { quoteLike, valueSpan } from './stringLiterals';
import type { AlloyTarget } from './target';

const GLOB_KEYS = new Set(['__path__', '__path_exclude__']);
const TARGET_ARGUMENTS = new Set(['path_targets', 'targets']);

export const regexAsGlob: Check<AlloyTarget> = {
  code: 'glob/regex-as-glob',
  severity: 'warning',
  description: 'A `__path__` of local.file_match written as a regex: it takes a doublestar glob.',
  run({ file, model }, report) {
    for (const node of model.nodes) {
      if (node.name !== 'local.file_match') continue;
      for (const attr of attributesOf(node.block.body)) {
        if (!TARGET_ARGUMENTS.has(attr.name.name)) continue;
        for (const { key, literal } of globFields(attr.value)) {
          if (literal.kind !== 'literal' || literal.token !== 'STRING') continue;
          const hint = findRegexAsGlob(stringValue(literal.raw));
          if (!hint) continue;
          report({
            file,
            span: valueSpan(literal, hint.span),
            message: `${key}: ${hint.message}`,
            fixes: hint.suggestion !== undefined
              ? [{ title: `Use the glob \`${hint.suggestion}\``, edits: [{ file, span: literal.span, newText: quoteLike(literal, hint.suggestion) }], preferred: true }]
              : [],
          });
        }
      }
    }
  },
};

function globFields(e: Expr): Array<{ key: string; literal: Expr }> {
  if (e.kind === 'array') return e.elements.flatMap(globFields);
  if (e.kind !== 'object') return [];
  return e.fields.filter((f) => GLOB_KEYS.has(f.name.name)).map((f) => ({ key: f.name.name, literal: f.value }));
}
