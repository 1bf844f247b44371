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
 * Per piece (its list of interpolated scalars), their scans: a keystroke leaves every piece but one
 * (and its nodes, whose text never changes) as it was. Kept per piece, not per scalar: a weak map
 * entry per scalar costs more. What the variables make of them is not kept: a map lookup per
 * reference is cheaper than holding a result per scalar.
 */
const scansByPiece = new WeakMap<readonly Scalar[], Scan[]>();

// Index loops: these run for every interpolated scalar on every keystroke, and for-of over the
// lists' mixed shapes (exact-size, shared frozen) allocated an iterator each time.
function forEachScan(stack: Stack, visit: (file: ComposeFile, base: number, scan: Scan) => void): void {
  for (const file of stack.files) {
    for (const scalars of interpolatedScalarsByPiece(file)) {
      let scans = scansByPiece.get(scalars);
      if (!scans) scansByPiece.set(scalars, (scans = scalars.map((scalar) => scanTemplate(sourceText(file, scalar)))));
      for (let i = 0; i < scalars.length; i++) visit(file, scalars[i].range![0], scans[i]);
    }
  }
}

type ReferenceVisitor = (file: ComposeFile, base: number, reference: VariableReference, state: EvaluatedReference['state']) => void;

/**
 * Calls `visit` with every reference compose evaluates in the stack's files (those in a default it
 * would not use are skipped); spans are relative to `base`, the offset of the scalar holding them.
 */
export function forEachEvaluatedReference(stack: Stack, visit: ReferenceVisitor): void {
  forEachScan(stack, (file, base, scan) => {
    for (let i = 0; i < scan.references.length; i++) visitEvaluated(stack, file, base, scan.references[i], visit);
  });
}

function visitEvaluated(stack: Stack, file: ComposeFile, base: number, reference: VariableReference, visit: ReferenceVisitor): void {
  const state = stateOf(stack, reference.name);
  visit(file, base, reference, state);
  if (argumentEvaluated(reference, state)) for (let i = 0; i < reference.nested.length; i++) visitEvaluated(stack, file, base, reference.nested[i], visit);
}

/** Calls `visit` with every template error of the stack's files, its span relative to `base`. */
export function forEachTemplateError(stack: Stack, visit: (file: ComposeFile, base: number, error: TemplateError) => void): void {
  forEachScan(stack, (file, base, scan) => {
    for (let i = 0; i < scan.errors.length; i++) visit(file, base, scan.errors[i]);
  });
}
