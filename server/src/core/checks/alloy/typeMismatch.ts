import type { Expr } from '../../alloy/ast';
import { stringValue } from '../../alloy/quote';
import type { Check } from '../check';
import { schemaBodies } from './schemaWalk';
import type { AlloyTarget } from './target';

/** Alloy's value types, as its messages name them. */
type ValueType = 'string' | 'number' | 'bool' | 'array' | 'object';

export const typeMismatch: Check<AlloyTarget> = {
  code: 'river/type-mismatch',
  severity: 'error',
  description: 'A literal of the wrong type for the attribute (a string where a list is expected...): Alloy refuses it.',
  run({ file, model }, report) {
    for (const visit of schemaBodies(model)) {
      for (const attr of visit.attributes) {
        const arg = visit.shape.argumentsByName.get(attr.name.name);
        if (!arg) continue;
        const problem = mismatch(arg.type, attr.value);
        if (problem) report({ file, span: problem.expr.span, message: `${problem.message}: "${attr.name.name}" takes \`${arg.type}\`.` });
      }
    }
  },
};

/** The Alloy value type a documented type decodes from; undefined for capsules and `any`. */
export function expectedType(docType: string): ValueType | undefined {
  if (/^list\(/.test(docType)) return 'array';
  if (/^(map\(|object\b|attributes$)/.test(docType)) return 'object';
  if (/^(string|duration|secret)$/.test(docType)) return 'string';
  if (/^(number|int|uint|float|float64|int64|uint64|uint32|int32)$/.test(docType)) return 'number';
  if (docType === 'bool') return 'bool';
  return undefined;
}

function literalType(e: Expr): ValueType | undefined {
  if (e.kind === 'array') return 'array';
  if (e.kind === 'object') return 'object';
  if (e.kind !== 'literal') return undefined;
  switch (e.token) {
    case 'STRING': return 'string';
    case 'NUMBER': case 'FLOAT': return 'number';
    case 'BOOL': return 'bool';
    default: return undefined;
  }
}

// What Alloy converts on decode (syntax/internal/value convertValue): number to string, and a
// string that parses as a number to number.
function convertible(from: ValueType, to: ValueType, e: Expr): boolean {
  if (from === 'number' && to === 'string') return true;
  if (from === 'string' && to === 'number' && e.kind === 'literal') return /^-?\d+(\.\d*)?([eE][-+]?\d+)?$/.test(stringValue(e.raw));
  return false;
}

/** Per documented type: a file asks about the same few types thousands of times. */
const expectedTypes = new Map<string, ValueType | undefined>();

function mismatch(docType: string, e: Expr): { expr: Expr; message: string } | undefined {
  const got = literalType(e);
  if (!got) return undefined;
  if (!expectedTypes.has(docType)) expectedTypes.set(docType, expectedType(docType));
  const want = expectedTypes.get(docType);
  if (!want) return undefined;
  if (want !== got) return convertible(got, want, e) ? undefined : { expr: e, message: `expected ${want}, got ${got}` };
  // Only a list's elements: the docs write `map(string)` for maps Go decodes as map[string]any
  // (otelcol.receiver.filelog `operators`, whose entries nest objects), so a map's values go unchecked.
  const inner = /^list\((.*)\)$/.exec(docType)?.[1];
  if (inner === undefined) return undefined;
  const items = e.kind === 'array' ? e.elements : [];
  for (const item of items) {
    const problem = mismatch(inner, item);
    if (problem) return problem;
  }
  return undefined;
}
