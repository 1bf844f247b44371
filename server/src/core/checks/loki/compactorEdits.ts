// Writing settings into a Loki configuration's `compactor` block, in the file's own indentation.
import { isMap, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { TextEdit } from '../../diagnostic';
import type { LokiConfig } from '../../observability/lokiConfig';

/** Edits adding `lines` (`key: value`) to the compactor block, or a new block at the end of the file. */
export function addCompactorSettings(config: LokiConfig, lines: string[]): TextEdit[] | undefined {
  const { file, text, compactor } = config;
  if (compactor === undefined) {
    const sep = text.endsWith('\n') || text === '' ? '' : '\n';
    return [{ file, span: { start: text.length, end: text.length }, newText: `${sep}\ncompactor:\n${lines.map((l) => `  ${l}\n`).join('')}` }];
  }
  if (!isMap(compactor.value)) return undefined;
  const first = (compactor.value as YAMLMap).items[0] as Pair<Scalar, unknown> | undefined;
  const at = first?.key?.range?.[0];
  if (at === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const indent = text.slice(lineStart, at);
  if (!/^[ ]+$/.test(indent)) return undefined; // a flow mapping, or keys not at line start
  return [{ file, span: { start: lineStart, end: lineStart }, newText: lines.map((l) => `${indent}${l}\n`).join('') }];
}

/** Edits adding `line` right after the line of `pair`, at its indentation. */
export function addAfter(config: LokiConfig, pair: Pair<Scalar, unknown>, line: string): TextEdit[] | undefined {
  const { file, text } = config;
  const at = pair.key?.range?.[0];
  if (at === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', at - 1) + 1;
  const indent = text.slice(lineStart, at);
  if (!/^[ ]*$/.test(indent)) return undefined;
  const lineEnd = text.indexOf('\n', at);
  const end = lineEnd < 0 ? text.length : lineEnd + 1;
  return [{ file, span: { start: end, end }, newText: `${lineEnd < 0 ? '\n' : ''}${indent}${line}\n` }];
}
