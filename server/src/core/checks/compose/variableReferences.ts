// The variable references compose will evaluate in a stack's files, with the ones a default hides.
import type { Scalar } from 'yaml';
import { interpolatedScalarsByPiece, sourceText, type ComposeFile } from '../../compose/composeFile';
import { scanTemplate, type TemplateError, type VariableReference } from '../../compose/interpolation';
import { isComposeVariable } from '../../compose/stackVariables';
import type { Stack } from '../../compose/stack';

export interface EvaluatedReference {
  reference: VariableReference;
  /** 'unset': no value; 'empty': set to ''; 'set' otherwise. */
  state: 'unset' | 'empty' | 'set';
}

/** One interpolated scalar's references (spans relative to the scalar's start) and template errors. */
export interface ScalarReferences {
  variables: Stack['variables'];
  references: EvaluatedReference[];
  errors: TemplateError[];
}

function stateOf(stack: Stack, name: string): EvaluatedReference['state'] {
  if (isComposeVariable(name)) return 'set';
  const v = stack.variables.variables.get(name);
  return v === undefined ? 'unset' : v.value === '' ? 'empty' : 'set';
}

/** Whether compose evaluates the references nested in this reference's argument. */
function argumentEvaluated(ref: VariableReference, state: EvaluatedReference['state']): boolean {
  switch (ref.modifier) {
    case ':-': return state !== 'set';
    case '-': return state === 'unset';
    case ':+': return state === 'set';
    case '+': return state !== 'unset';
    default: return false;
  }
}

/** Per scalar node, its scan, and its evaluated references while the stack's variables stay the same:
 * a keystroke leaves nearly every scalar of a file (and its node, whose text never changes) as it was. */
const byScalar = new WeakMap<Scalar, ScalarReferences & { scanned: ReturnType<typeof scanTemplate> }>();

function scalarReferences(stack: Stack, file: ComposeFile, scalar: Scalar): ScalarReferences {
  let known = byScalar.get(scalar);
  if (known?.variables === stack.variables) return known;
  const scanned = known?.scanned ?? scanTemplate(sourceText(file, scalar));
  known = { variables: stack.variables, scanned, references: [], errors: scanned.errors };
  const visit = (reference: VariableReference) => {
    const state = stateOf(stack, reference.name);
    known!.references.push({ reference, state });
    if (argumentEvaluated(reference, state)) reference.nested.forEach(visit);
  };
  scanned.references.forEach(visit);
  byScalar.set(scalar, known);
  return known;
}

/**
 * Calls `visit` with each interpolated scalar of the stack's files, its offset (`base`) and its
 * references and errors. Nothing is collected for the whole stack: on a keystroke all but a few
 * scalars answer from their kept results.
 */
export function forEachScannedScalar(stack: Stack, visit: (file: ComposeFile, base: number, scanned: ScalarReferences) => void): void {
  for (const file of stack.files) {
    for (const scalars of interpolatedScalarsByPiece(file)) {
      for (const scalar of scalars) visit(file, scalar.range![0], scalarReferences(stack, file, scalar));
    }
  }
}
