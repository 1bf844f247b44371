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

type Scan = ReturnType<typeof scanTemplate>;

/**
 * Per piece (its list of interpolated scalars), their scans, and their evaluated references while the
 * stack's variables stay the same: a keystroke leaves every piece but one (and its nodes, whose text
 * never changes) as it was. Kept per piece, not per scalar: a weak map of every scalar costs more.
 */
const byPiece = new WeakMap<readonly Scalar[], { variables: Stack['variables']; scans: Scan[]; results: ScalarReferences[] }>();

function pieceReferences(stack: Stack, file: ComposeFile, scalars: readonly Scalar[]): ScalarReferences[] {
  let known = byPiece.get(scalars);
  if (known?.variables === stack.variables) return known.results;
  const scans = known?.scans ?? scalars.map((scalar) => scanTemplate(sourceText(file, scalar)));
  known = { variables: stack.variables, scans, results: scans.map((scan) => evaluate(stack, scan)) };
  byPiece.set(scalars, known);
  return known.results;
}

function evaluate(stack: Stack, scan: Scan): ScalarReferences {
  const result: ScalarReferences = { references: [], errors: scan.errors };
  const visit = (reference: VariableReference) => {
    const state = stateOf(stack, reference.name);
    result.references.push({ reference, state });
    if (argumentEvaluated(reference, state)) reference.nested.forEach(visit);
  };
  scan.references.forEach(visit);
  return result;
}

/**
 * Calls `visit` with each interpolated scalar of the stack's files, its offset (`base`) and its
 * references and errors. Nothing is collected for the whole stack: on a keystroke all but a few
 * scalars answer from their kept results.
 */
export function forEachScannedScalar(stack: Stack, visit: (file: ComposeFile, base: number, scanned: ScalarReferences) => void): void {
  for (const file of stack.files) {
    for (const scalars of interpolatedScalarsByPiece(file)) {
      const results = pieceReferences(stack, file, scalars);
      for (let i = 0; i < scalars.length; i++) visit(file, scalars[i].range![0], results[i]);
    }
  }
}
