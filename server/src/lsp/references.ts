import { alloyLanguage } from '../core/languages/load';
import { LineIndex } from '../core/text/lineIndex';
import { fileKind } from '../core/workspace/fileKinds';
import { uriToPath } from './convert';
import { toLocations } from './definition';
import type { ServerContext } from './server';

export function registerReferences(context: ServerContext): void {
  context.connection.onReferences(({ textDocument, position, context: request }) => {
    const file = uriToPath(textDocument.uri);
    const document = context.documents.get(textDocument.uri);
    if (!file || !document || fileKind(file) !== 'alloy') return [];
    const text = document.getText();
    const offset = LineIndex.of(text).offsetAt(position);
    return toLocations(context, alloyLanguage().alloyReferences(context.analyzer().source, file, text, offset, request.includeDeclaration));
  });
}
