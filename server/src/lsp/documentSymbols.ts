import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import type { AlloySymbol } from '../core/features/alloySymbols';
import { alloyLanguage } from '../core/languages/load';
import { LineIndex } from '../core/text/lineIndex';
import { fileKind } from '../core/workspace/fileKinds';
import { uriToPath } from './convert';
import type { ServerContext } from './server';

const KIND: Record<AlloySymbol['kind'], SymbolKind> = {
  component: SymbolKind.Class,
  custom: SymbolKind.Class,
  imported: SymbolKind.Class,
  unknown: SymbolKind.Class,
  config: SymbolKind.Namespace,
  block: SymbolKind.Struct,
};

export function registerDocumentSymbols(context: ServerContext): void {
  context.connection.onDocumentSymbol(({ textDocument }) => {
    const file = uriToPath(textDocument.uri);
    const document = context.documents.get(textDocument.uri);
    if (!file || !document || fileKind(file) !== 'alloy') return [];
    const text = document.getText();
    const index = LineIndex.of(text);
    const convert = (s: AlloySymbol): DocumentSymbol => ({
      name: s.name,
      kind: KIND[s.kind],
      range: index.rangeOf(s.span),
      selectionRange: index.rangeOf(s.selectionSpan),
      children: s.children.map(convert),
    });
    return alloyLanguage().alloySymbols(file, text).map(convert);
  });
}
