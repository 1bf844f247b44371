// Text edits on compose files that keep the file's own indentation, for quick fixes.
import { isMap, isSeq, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { TextEdit } from '../diagnostic';
import { LineIndex } from '../text/lineIndex';
import { pairOf, scalarText, spanOf, type ComposeFile } from './composeFile';

function columnOf(file: ComposeFile, offset: number): number {
  return LineIndex.of(file.text).positionAt(offset).character;
}

/** The file's indentation step, measured from the first service's keys; two spaces when unknown. */
export function indentUnit(file: ComposeFile): number {
  for (const pair of file.services.values()) {
    const keyStart = spanOf(pair.key)?.start;
    const first = isMap(pair.value) ? (pair.value as YAMLMap).items[0] : undefined;
    const childStart = first ? spanOf(first.key)?.start : undefined;
    if (keyStart !== undefined && childStart !== undefined) {
      const step = columnOf(file, childStart) - columnOf(file, keyStart);
      if (step > 0) return step;
    }
  }
  return 2;
}

function dependsOnPair(servicePair: Pair<Scalar, unknown>): Pair<Scalar, unknown> | undefined {
  return pairOf(servicePair.value, 'depends_on');
}

/**
 * Sets the condition of one dependency. A short list is rewritten to the long form (the other entries
 * keep the `service_started` the list implied); in the long form only that entry changes.
 */
export function setDependsOnCondition(file: ComposeFile, servicePair: Pair<Scalar, unknown>, dependency: string, condition: string): TextEdit[] {
  const pair = dependsOnPair(servicePair);
  const node = pair?.value as Node | undefined;
  const keySpan = spanOf(pair?.key);
  const step = indentUnit(file);
  if (!pair || !keySpan || !node) return [];
  const keyColumn = columnOf(file, keySpan.start);
  const pad = (n: number) => ' '.repeat(n);
  if (isSeq(node)) {
    const names = node.items.map((i) => scalarText(i)).filter((n): n is string => n !== undefined);
    const lines = names.map((n) => `\n${pad(keyColumn + step)}${n}:\n${pad(keyColumn + 2 * step)}condition: ${n === dependency ? condition : 'service_started'}`);
    // A block list's range runs past its last line break; the last item's does not.
    const end = node.flow ? spanOf(node)!.end : spanOf(node.items[node.items.length - 1])?.end ?? spanOf(node)!.end;
    const colon = file.text.indexOf(':', keySpan.end);
    return [{ file: file.path, span: { start: colon + 1, end }, newText: lines.join('') }];
  }
  if (!isMap(node)) return [];
  const entry = pairOf(node, dependency);
  if (!entry) return [];
  const conditionNode = pairOf(entry.value, 'condition')?.value;
  const conditionSpan = spanOf(conditionNode);
  if (conditionSpan) return [{ file: file.path, span: conditionSpan, newText: condition }];
  const entryKey = spanOf(entry.key)!;
  const entryColumn = columnOf(file, entryKey.start);
  const firstChild = isMap(entry.value) ? (entry.value as YAMLMap).items[0] : undefined;
  if (firstChild && !(entry.value as YAMLMap).flow) {
    const at = spanOf(firstChild.key)!.start;
    return [{ file: file.path, span: { start: at, end: at }, newText: `condition: ${condition}\n${pad(columnOf(file, at))}` }];
  }
  const valueSpan = spanOf(entry.value);
  const colon = file.text.indexOf(':', entryKey.end);
  const end = valueSpan ? valueSpan.end : colon + 1;
  return [{ file: file.path, span: { start: colon + 1, end }, newText: `\n${pad(entryColumn + step)}condition: ${condition}` }];
}

/** Inserts a block (`key:` and its lines, unindented) as the last key of a service's mapping. */
export function appendToService(file: ComposeFile, servicePair: Pair<Scalar, unknown>, block: string[]): TextEdit[] {
  const map = servicePair.value;
  const keySpan = spanOf(servicePair.key);
  if (!isMap(map) || (map as YAMLMap).flow || !keySpan || (map as YAMLMap).items.length === 0) return [];
  const items = (map as YAMLMap).items;
  const column = columnOf(file, spanOf(items[0].key)!.start);
  const last = items[items.length - 1];
  const end = spanOf(last.value)?.end ?? spanOf(last.key)!.end;
  const step = indentUnit(file);
  const text = block.map((line) => `\n${' '.repeat(column)}${line.replace(/^( *)/, (m) => ' '.repeat((m.length / 2) * step))}`).join('');
  // The value's span may end before its trailing newline; insert at the end of that line.
  const lineEnd = file.text.indexOf('\n', end - 1);
  const at = lineEnd < 0 ? file.text.length : lineEnd;
  return [{ file: file.path, span: { start: at, end: at }, newText: text }];
}
