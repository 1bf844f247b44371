// The language server: LSP wiring only. Every answer comes from the language core.
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Analyzer } from '../core/analyzer';
import { warmUpSteps, workspaceLanguages } from '../core/warmUp/warmUp';
import { diskFileSource, overlayFileSource } from '../core/workspace/fileSource';
import { UriMap, uriToPath } from './convert';
import { DiagnosticsPublisher } from './diagnostics';
import { keepHeapSmall } from './heap';
import { registerCodeActions } from './codeActions';
import { registerHover } from './hover';
import { registerCompletion } from './completion';
import { registerDefinition } from './definition';
import { registerReferences } from './references';
import { registerDocumentSymbols } from './documentSymbols';
import { registerFormatting } from './formatting';
import { registerStacks } from './stacks';
import type { StackDefinition } from '../core/compose/stack';
import { resolveSettings, type RawSettings, type ServerSettings } from './settings';

export interface ServerContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  uris: UriMap;
  analyzer(): Analyzer;
  /** The workspace folders' paths. */
  roots(): string[];
  configuredStacks(): StackDefinition[];
}

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const uris = new UriMap();
  const openTexts = new Map<string, string>();
  const source = overlayFileSource(() => openTexts);
  let root: string | undefined;
  let roots: string[] = [];
  let settings: ServerSettings = resolveSettings(undefined, undefined);
  let analyzer: Analyzer | undefined;
  let debounceMs = 0;
  let canAskConfiguration = false;

  const context: ServerContext = {
    connection,
    documents,
    uris,
    analyzer: () => (analyzer ??= new Analyzer({
      source,
      environment: process.env,
      stacks: settings.stacks,
      compose: settings.compose,
      onCheckError: (code, error) => connection.console.error(`check ${code} failed: ${error instanceof Error ? error.stack : String(error)}`),
    })),
    roots: () => roots,
    configuredStacks: () => settings.stacks,
  };
  // Warming up is work too: the collection waits for its last step.
  let warmingUp = true;
  const workDone = keepHeapSmall(() => publisher.pending || warmingUp);
  const publisher = new DiagnosticsPublisher(context, () => [...openTexts.keys()], () => debounceMs, workDone);

  connection.onInitialize((params) => {
    const folder = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    root = folder ? uriToPath(folder) : undefined;
    roots = (params.workspaceFolders ?? []).map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined);
    if (roots.length === 0 && root) roots = [root];
    const options = (params.initializationOptions ?? {}) as { debounceMs?: number; settings?: RawSettings };
    debounceMs = options.debounceMs ?? 0;
    settings = resolveSettings(options.settings, root);
    canAskConfiguration = params.capabilities.workspace?.configuration === true;
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        codeActionProvider: { codeActionKinds: ['quickfix'] },
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['{', '$', ' ', ':', '.'] },
        definitionProvider: true,
        referencesProvider: true,
        documentSymbolProvider: true,
        documentFormattingProvider: true,
      },
      serverInfo: { name: 'stacklens' },
    };
  });

  const reloadSettings = async (fromNotification?: unknown) => {
    const raw = canAskConfiguration
      ? await connection.workspace.getConfiguration('stacklens')
      : (fromNotification as { stacklens?: unknown } | undefined)?.stacklens;
    settings = resolveSettings(raw as RawSettings | undefined, root);
    analyzer = undefined;
    publisher.schedule();
  };
  // One warm-up step per turn of the event loop, until the first document opens: a request never
  // waits for more than one sample check.
  connection.onInitialized(() => {
    if (canAskConfiguration) void reloadSettings();
    const steps = warmUpSteps(workspaceLanguages(roots, diskFileSource));
    const next = () => {
      const step = steps.shift();
      if (step && warmingUp) {
        step();
        setImmediate(next);
      } else if (warmingUp) {
        warmingUp = false;
        workDone();
      }
    };
    setImmediate(next);
  });
  connection.onDidChangeConfiguration((change) => void reloadSettings(change.settings));
  connection.onDidChangeWatchedFiles(({ changes }) => {
    for (const change of changes) publisher.schedule(uriToPath(change.uri));
  });

  documents.onDidChangeContent(({ document }) => {
    const file = uris.remember(document.uri);
    if (!file) return;
    warmingUp = false;
    openTexts.set(file, document.getText());
    publisher.schedule(file);
  });
  documents.onDidClose(({ document }) => {
    const file = uriToPath(document.uri);
    if (file) openTexts.delete(file);
    publisher.schedule(file);
  });

  registerCodeActions(context, publisher);
  registerHover(context);
  registerCompletion(context);
  registerDefinition(context);
  registerReferences(context);
  registerDocumentSymbols(context);
  registerFormatting(context);
  registerStacks(context);
  documents.listen(connection);
  connection.listen();
}
