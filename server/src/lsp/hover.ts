import { MarkupKind } from 'vscode-languageserver';
import { alloyHover } from '../core/features/alloyHover';
import { composeHover } from '../core/features/composeHover';
import { dotenvHover } from '../core/features/dotenvHover';
import { queryHover } from '../core/features/queryHover';
import { LineIndex } from '../core/text/lineIndex';
import { fileKind } from '../core/workspace/fileKinds';
import { uriToPath } from './convert';
import type { ServerContext } from './server';

export function registerHover(context: ServerContext): void {
  context.connection.onHover(({ textDocument, position }) => {
    const file = uriToPath(textDocument.uri);
    const document = context.documents.get(textDocument.uri);
    if (!file || !document) return null;
    const text = document.getText();
    const index = LineIndex.of(text);
    const offset = index.offsetAt(position);
    const kind = fileKind(file, text);
    const result = kind === 'compose' ? composeHover(context.analyzer(), file, offset)
      : kind === 'dotenv' ? dotenvHover(text, offset, process.env)
      : kind === 'alloy' ? alloyHover(context.analyzer().source, file, text, offset)
      : queryHover(file, text, offset);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: index.rangeOf(result.span) } : null;
  });
}
