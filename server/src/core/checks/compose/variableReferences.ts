// The variable references compose will evaluate in a stack's files, with the ones a default hides.
import { interpolatedScalars, spanOf, type ComposeFile } from '../../compose/composeFile';
import { scanTemplate, type TemplateError, type VariableReference } from '../../compose/interpolation';
import { isComposeVariable } from '../../compose/stackVariables';
import type { Stack } from '../../compose/stack';

export interface EvaluatedReference {
  file: ComposeFile;
  /** Offset of the scanned text in the file: reference spans are relative to it. */
  base: number;
  reference: VariableReference;
  /** 'unset': no value; 'empty': set to ''; 'set' otherwise. */
  state: 'unset' | 'empty' | 'set';
}

export interface ScannedFile {
  references: EvaluatedReference[];
  errors: { file: ComposeFile; base: number; error: TemplateError }[];
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

const scannedStacks = new WeakMap<Stack, ScannedFile>();
/** Scans of scalar texts: on a keystroke nearly every scalar of the file is unchanged. */
const scannedTexts = new Map<string, ReturnType<typeof scanTemplate>>();
const MAX_SCANNED_TEXTS = 50_000;

function scanText(text: string): ReturnType<typeof scanTemplate> {
  let scanned = scannedTexts.get(text);
  if (!scanned) {
    if (scannedTexts.size >= MAX_SCANNED_TEXTS) scannedTexts.clear();
    scannedTexts.set(text, (scanned = scanTemplate(text)));
  }
  return scanned;
}

/** Every reference and template error of the stack's files; computed once per loaded stack. */
export function scanStackReferences(stack: Stack): ScannedFile {
  const known = scannedStacks.get(stack);
  if (known) return known;
  const result: ScannedFile = { references: [], errors: [] };
  scannedStacks.set(stack, result);
  for (const file of stack.files) {
    for (const scalar of interpolatedScalars(file)) {
      const span = spanOf(scalar)!;
      const scanned = scanText(file.text.slice(span.start, span.end));
      for (const error of scanned.errors) result.errors.push({ file, base: span.start, error });
      const visit = (ref: VariableReference) => {
        const state = stateOf(stack, ref.name);
        result.references.push({ file, base: span.start, reference: ref, state });
        if (argumentEvaluated(ref, state)) ref.nested.forEach(visit);
      };
      scanned.references.forEach(visit);
    }
  }
  return result;
}
