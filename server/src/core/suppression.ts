// `# stacklens-disable-next-line CODE` and `# stacklens-disable CODE` (or `//` in Alloy): one mechanism
// for every language. Without a code, every diagnostic is suppressed.
import type { Finding } from './diagnostic';
import { LineIndex } from './text/lineIndex';

const DIRECTIVE = /(?:#|\/\/)\s*stacklens-disable(-next-line)?\b([^\n]*)/g;

interface Directives {
  file: Set<string> | 'all' | undefined;
  lines: Map<number, Set<string> | 'all'>;
}

function parseCodes(rest: string): Set<string> | 'all' {
  const codes = rest.split(/[\s,]+/).filter((c) => /^[\w-]+\/[\w-]+$/.test(c));
  return codes.length === 0 ? 'all' : new Set(codes);
}

function directivesOf(text: string, index: LineIndex): Directives {
  const result: Directives = { file: undefined, lines: new Map() };
  for (const m of text.matchAll(DIRECTIVE)) {
    const codes = parseCodes(m[2]);
    if (m[1]) result.lines.set(index.positionAt(m.index).line + 1, codes);
    else if (codes === 'all' || result.file === 'all') result.file = 'all';
    else result.file = new Set([...(result.file ?? []), ...codes]);
  }
  return result;
}

function covers(codes: Set<string> | 'all' | undefined, code: string): boolean {
  return codes === 'all' || (codes !== undefined && codes.has(code));
}

export function applySuppressions(findings: Finding[], textOf: (file: string) => string | undefined): Finding[] {
  const cache = new Map<string, { directives: Directives; index: LineIndex } | undefined>();
  const lookup = (file: string) => {
    if (!cache.has(file)) {
      const text = textOf(file);
      const index = text === undefined || !text.includes('stacklens-disable') ? undefined : LineIndex.of(text);
      cache.set(file, index && { directives: directivesOf(index.text, index), index });
    }
    return cache.get(file);
  };
  return findings.filter((f) => {
    const d = lookup(f.file);
    if (!d) return true;
    if (covers(d.directives.file, f.code)) return false;
    return !covers(d.directives.lines.get(d.index.positionAt(f.span.start).line), f.code);
  });
}
