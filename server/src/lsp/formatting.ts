import type { TextEdit } from 'vscode-languageserver';
import { alloyLanguage } from '../core/languages/load';
import { LineIndex } from '../core/text/lineIndex';
import { fileKind } from '../core/workspace/fileKinds';
import { uriToPath } from './convert';
import type { ServerContext } from './server';

/** Formats Alloy files as `alloy fmt` does (tabs, whatever the editor's options say). */
export function registerFormatting(context: ServerContext): void {
  context.connection.onDocumentFormatting(({ textDocument }): TextEdit[] => {
    const file = uriToPath(textDocument.uri);
    const document = context.documents.get(textDocument.uri);
    if (!file || !document || fileKind(file) !== 'alloy') return [];
    const text = document.getText();
    const index = LineIndex.of(text);
    return alloyLanguage().alloyFormatting(text).map((edit) => ({ range: index.rangeOf(edit.span), newText: edit.newText }));
  });
}
