import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import { composeCompletion, type CompletionEntry } from '../core/features/composeCompletion';
import { LineIndex } from '../core/text/lineIndex';
import { fileKind } from '../core/workspace/fileKinds';
import { uriToPath } from './convert';
import type { ServerContext } from './server';

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  variable: CompletionItemKind.Variable,
  service: CompletionItemKind.Module,
  value: CompletionItemKind.EnumMember,
};

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion(({ textDocument, position }): CompletionItem[] => {
    const file = uriToPath(textDocument.uri);
    const document = context.documents.get(textDocument.uri);
    if (!file || !document) return [];
    const text = document.getText();
    if (fileKind(file, text) !== 'compose') return [];
    const index = new LineIndex(text);
    const offset = index.offsetAt(position);
    return composeCompletion(context.analyzer(), file, text, offset).map((entry) => ({
      label: entry.label,
      kind: KIND[entry.kind],
      detail: entry.detail,
      textEdit: { range: index.rangeOf({ start: offset - entry.replaceLength, end: offset }), newText: entry.label },
    }));
  });
}
