// Publishes the findings of every open document's stacks, including the other files those stacks
// span, and clears files that no longer have any.
import type { Finding } from '../core/diagnostic';
import { LineIndex } from '../core/text/lineIndex';
import { toDiagnostic } from './convert';
import type { ServerContext } from './server';

export class DiagnosticsPublisher {
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private published = new Set<string>();
  private findings = new Map<string, Finding[]>();

  constructor(
    private readonly context: ServerContext,
    private readonly openFiles: () => string[],
    private readonly debounceMs: () => number,
  ) {}

  /** Coalesces a burst of edits into one run; with no debounce, right after the queued messages. */
  schedule(): void {
    if (this.timer) return;
    const run = () => {
      this.timer = undefined;
      this.publish();
    };
    const ms = this.debounceMs();
    this.timer = ms > 0 ? setTimeout(run, ms) : setImmediate(run);
  }

  private readonly indexes = new Map<string, LineIndex>();

  /** Line indexes are kept per file while its text is unchanged. */
  private lineIndex(file: string, text: string): LineIndex {
    let index = this.indexes.get(file);
    if (!index || index.text !== text) this.indexes.set(file, (index = new LineIndex(text)));
    return index;
  }

  findingsFor(file: string): Finding[] {
    return this.findings.get(file) ?? [];
  }

  private publish(): void {
    const analyzer = this.context.analyzer();
    const all = new Map<string, Finding[]>();
    for (const file of this.openFiles()) {
      for (const [f, list] of analyzer.checkFile(file)) {
        const merged = all.get(f) ?? [];
        for (const finding of list) {
          if (!merged.some((m) => m.code === finding.code && m.span.start === finding.span.start && m.message === finding.message)) merged.push(finding);
        }
        all.set(f, merged);
      }
    }
    for (const file of this.published) if (!all.has(file)) all.set(file, []);
    this.findings = all;
    this.published = new Set([...all].filter(([, list]) => list.length > 0).map(([f]) => f));
    for (const [file, list] of all) {
      const index = this.lineIndex(file, analyzer.source.readFile(file) ?? '');
      void this.context.connection.sendDiagnostics({ uri: this.context.uris.uriOf(file), diagnostics: list.map((f) => toDiagnostic(f, index)) });
    }
  }
}
