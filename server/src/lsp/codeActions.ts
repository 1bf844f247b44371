import type { CodeAction } from 'vscode-languageserver';
import { LineIndex } from '../core/text/lineIndex';
import { toCodeAction, toDiagnostic, uriToPath } from './convert';
import type { DiagnosticsPublisher } from './diagnostics';
import type { ServerContext } from './server';

/** Quick fixes for the findings under the requested range, from the last published run. */
export function registerCodeActions(context: ServerContext, publisher: DiagnosticsPublisher): void {
  context.connection.onCodeAction(({ textDocument, range }) => {
    const file = uriToPath(textDocument.uri);
    const document = context.documents.get(textDocument.uri);
    if (!file || !document) return [];
    const index = LineIndex.of(document.getText());
    const start = index.offsetAt(range.start);
    const end = index.offsetAt(range.end);
    const textOf = (f: string) => context.analyzer().source.readFile(f);
    const actions: CodeAction[] = [];
    for (const finding of publisher.findingsFor(file)) {
      if (finding.span.end < start || finding.span.start > end) continue;
      const diagnostic = toDiagnostic(finding, index);
      for (const fix of finding.fixes ?? []) actions.push(toCodeAction(fix, diagnostic, context.uris, textOf));
    }
    return actions;
  });
}
