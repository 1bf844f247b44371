// Core findings and edits to LSP shapes, and back: the only place that knows both.
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CodeAction, CodeActionKind, Diagnostic, DiagnosticSeverity, type WorkspaceEdit } from 'vscode-languageserver';
import type { Finding, Fix, Severity } from '../core/diagnostic';
import { LineIndex } from '../core/text/lineIndex';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function uriToPath(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

/** Keeps the URIs the client used, so published diagnostics land on the open documents. */
export class UriMap {
  private readonly uris = new Map<string, string>();

  remember(uri: string): string | undefined {
    const file = uriToPath(uri);
    if (file) this.uris.set(file, uri);
    return file;
  }

  uriOf(file: string): string {
    return this.uris.get(file) ?? pathToFileURL(file).toString();
  }
}

export function toDiagnostic(finding: Finding, index: LineIndex): Diagnostic {
  return {
    range: index.rangeOf(finding.span),
    severity: SEVERITY[finding.severity],
    code: finding.code,
    source: 'stacklens',
    message: finding.message,
  };
}

export function toCodeAction(fix: Fix, diagnostic: Diagnostic, uris: UriMap, textOf: (file: string) => string | undefined): CodeAction {
  const changes: NonNullable<WorkspaceEdit['changes']> = {};
  const indexes = new Map<string, LineIndex>();
  for (const edit of fix.edits) {
    if (!indexes.has(edit.file)) indexes.set(edit.file, LineIndex.of(textOf(edit.file) ?? ''));
    const uri = uris.uriOf(edit.file);
    (changes[uri] ??= []).push({ range: indexes.get(edit.file)!.rangeOf(edit.span), newText: edit.newText });
  }
  const action = CodeAction.create(fix.title, { changes }, CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  action.isPreferred = fix.preferred;
  return action;
}
