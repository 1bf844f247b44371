// Everything StackLens knows of Alloy that the analyzer and the editor features call, as one module
// that loads on first use (load.ts).
export { alloyChecks } from '../checks/alloy/registry';
export { alloyTarget } from '../checks/alloy/target';
export { alloyCompletion } from '../features/alloyCompletion';
export { alloyDefinition } from '../features/alloyDefinition';
export { alloyFormatting } from '../features/alloyFormatting';
export { alloyHover } from '../features/alloyHover';
export { alloyReferences } from '../features/alloyReferences';
export { alloySymbols } from '../features/alloySymbols';
