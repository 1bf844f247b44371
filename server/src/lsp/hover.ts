import { MarkupKind } from 'vscode-languageserver';
import { composeHover } from '../core/features/composeHover';
import { dotenvHover } from '../core/features/dotenvHover';
import { alloyLanguage, observabilityLanguage } from '../core/languages/load';
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
      : kind === 'alloy' ? alloyLanguage().alloyHover(context.analyzer().source, file, text, offset)
      : observabilityLanguage().queryHover(file, text, offset);
    return result ? { contents: { kind: MarkupKind.Markdown, value: result.markdown }, range: index.rangeOf(result.span) } : null;
  });
}
