// Publishes the findings of every open document's stacks, including the other files those stacks
// span, and clears files that no longer have any.
import type { Finding } from '../core/diagnostic';
import { LineIndex } from '../core/text/lineIndex';
import { toDiagnostic } from './convert';
import { fileKind, type FileKind } from '../core/workspace/fileKinds';
import { mayDependOn } from '../core/workspace/fileDependencies';
import type { ServerContext } from './server';

export class DiagnosticsPublisher {
  private timer: NodeJS.Timeout | NodeJS.Immediate | undefined;
  private published = new Set<string>();
  private findings = new Map<string, Finding[]>();
  /** The last results of checking each open file (its own findings and its stacks' other files). */
  private bySource = new Map<string, Map<string, Finding[]>>();
  /** Files changed since the last run; `all` after a settings or on-disk change. */
  private changed = new Set<string>();
  private allChanged = true;

  constructor(
    private readonly context: ServerContext,
    private readonly openFiles: () => string[],
    private readonly debounceMs: () => number,
    /** Called once the diagnostics of a run are written to the client. */
    private readonly afterPublish: () => void,
  ) {}

  /** A run is waiting (debounced or queued). */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /**
   * Coalesces a burst of edits into one run; with no debounce, right after the queued messages.
   * `changedFile` limits the run to the open files that read it; without it every open file is checked.
   */
  schedule(changedFile?: string): void {
    if (changedFile === undefined) this.allChanged = true;
    else this.changed.add(changedFile);
    if (this.timer) return;
    const run = () => {
      this.timer = undefined;
      this.publish();
    };
    const ms = this.debounceMs();
    this.timer = ms > 0 ? setTimeout(run, ms) : setImmediate(run);
  }

  findingsFor(file: string): Finding[] {
    return this.findings.get(file) ?? [];
  }

  private kindOf(file: string): FileKind | undefined {
    return fileKind(file, this.context.analyzer().source.readFile(file));
  }

  private needsCheck(file: string): boolean {
    if (this.allChanged || this.changed.has(file) || !this.bySource.has(file)) return true;
    const kind = this.kindOf(file);
    return [...this.changed].some((c) => mayDependOn(kind, this.kindOf(c)));
  }

  private publish(): void {
    const analyzer = this.context.analyzer();
    const open = this.openFiles();
    const bySource = new Map<string, Map<string, Finding[]>>();
    for (const file of open) bySource.set(file, this.needsCheck(file) ? analyzer.checkFile(file) : this.bySource.get(file)!);
    this.bySource = bySource;
    this.changed.clear();
    this.allChanged = false;
    const all = new Map<string, Finding[]>();
    for (const results of bySource.values()) {
      for (const [f, list] of results) {
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
    const sent: Promise<void>[] = [];
    for (const [file, list] of all) {
      const index = LineIndex.of(analyzer.source.readFile(file) ?? '');
      sent.push(this.context.connection.sendDiagnostics({ uri: this.context.uris.uriOf(file), diagnostics: list.map((f) => toDiagnostic(f, index)) }));
    }
    // The connection encodes and writes a message over later turns of the event loop.
    Promise.all(sent).then(this.afterPublish, () => {});
  }
}
