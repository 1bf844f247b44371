import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem } from 'vscode-languageserver';
import type { AlloyCompletionEntry } from '../core/features/alloyCompletion';
import { composeCompletion, type CompletionEntry } from '../core/features/composeCompletion';
import { alloyLanguage } from '../core/languages/load';
import { LineIndex } from '../core/text/lineIndex';
import { fileKind } from '../core/workspace/fileKinds';
import { uriToPath } from './convert';
import type { ServerContext } from './server';

const KIND: Record<CompletionEntry['kind'], CompletionItemKind> = {
  variable: CompletionItemKind.Variable,
  service: CompletionItemKind.Module,
  value: CompletionItemKind.EnumMember,
};

const ALLOY_KIND: Record<AlloyCompletionEntry['kind'], CompletionItemKind> = {
  component: CompletionItemKind.Class,
  block: CompletionItemKind.Struct,
  attribute: CompletionItemKind.Property,
  reference: CompletionItemKind.Reference,
  function: CompletionItemKind.Function,
  constant: CompletionItemKind.Constant,
};

export function registerCompletion(context: ServerContext): void {
  context.connection.onCompletion(({ textDocument, position }): CompletionItem[] => {
    const file = uriToPath(textDocument.uri);
    const document = context.documents.get(textDocument.uri);
    if (!file || !document) return [];
    const text = document.getText();
    const kind = fileKind(file, text);
    const index = LineIndex.of(text);
    const offset = index.offsetAt(position);
    if (kind === 'alloy') return alloyLanguage().alloyCompletion(context.analyzer().source, file, text, offset).map((entry) => alloyItem(entry, index, offset));
    if (kind !== 'compose') return [];
    return composeCompletion(context.analyzer(), file, text, offset).map((entry) => ({
      label: entry.label,
      kind: KIND[entry.kind],
      detail: entry.detail,
      textEdit: { range: index.rangeOf({ start: offset - entry.replaceLength, end: offset }), newText: entry.label },
    }));
  });
}

function alloyItem(entry: AlloyCompletionEntry, index: LineIndex, offset: number): CompletionItem {
  return {
    label: entry.label,
    kind: ALLOY_KIND[entry.kind],
    detail: entry.detail,
    documentation: entry.documentation ? { kind: MarkupKind.Markdown, value: entry.documentation } : undefined,
    sortText: entry.sortText,
    insertTextFormat: entry.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    textEdit: { range: index.rangeOf({ start: offset - entry.replaceLength, end: offset }), newText: entry.snippet ?? entry.label },
  };
}
