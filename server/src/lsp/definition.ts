import type { Location } from 'vscode-languageserver';
import type { AlloyLocation } from '../core/features/alloyDefinition';
import { alloyLanguage } from '../core/languages/load';
import { LineIndex } from '../core/text/lineIndex';
import { fileKind } from '../core/workspace/fileKinds';
import { uriToPath } from './convert';
import type { ServerContext } from './server';

export function registerDefinition(context: ServerContext): void {
  context.connection.onDefinition(({ textDocument, position }) => {
    const file = uriToPath(textDocument.uri);
    const document = context.documents.get(textDocument.uri);
    if (!file || !document || fileKind(file) !== 'alloy') return [];
    const text = document.getText();
    const offset = LineIndex.of(text).offsetAt(position);
    return toLocations(context, alloyLanguage().alloyDefinition(context.analyzer().source, file, text, offset));
  });
}

/** Core locations in any file of the workspace, as the client sees that file now. */
export function toLocations(context: ServerContext, locations: AlloyLocation[]): Location[] {
  const indexes = new Map<string, LineIndex>();
  return locations.map(({ file, span }) => {
    if (!indexes.has(file)) indexes.set(file, LineIndex.of(context.analyzer().source.readFile(file) ?? ''));
    return { uri: context.uris.uriOf(file), range: indexes.get(file)!.rangeOf(span) };
  });
}
