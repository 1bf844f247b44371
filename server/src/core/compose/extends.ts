// `extends`: a service starts from another service's definition (same file, or `file:`), then its own.
import * as path from 'node:path';
import { isMap, type Pair, type Scalar } from 'yaml';
import { mergedMap, pairOf, scalarText, type ComposeFile } from './composeFile';
import { mergeDefinition, type MergeContext } from './merge';
import type { Service } from './service';

export type FileResolver = (file: string) => ComposeFile | undefined;

function baseOf(pair: Pair<Scalar, unknown>, file: ComposeFile, resolveFile: FileResolver): { pair: Pair<Scalar, unknown>; file: ComposeFile } | undefined {
  const extendsNode = pairOf(mergedMap(pair.value, file), 'extends')?.value;
  const name = scalarText(isMap(extendsNode) ? pairOf(extendsNode, 'service')?.value : extendsNode);
  const other = isMap(extendsNode) ? scalarText(pairOf(extendsNode, 'file')?.value) : undefined;
  const baseFile = other === undefined ? file : resolveFile(path.resolve(path.dirname(file.path), other));
  const basePair = name === undefined ? undefined : baseFile?.services.get(name);
  return basePair && baseFile ? { pair: basePair, file: baseFile } : undefined;
}

/** Merges the chain of base services (as inherited), then the definition itself. */
export function mergeWithExtends(service: Service, pair: Pair<Scalar, unknown>, file: ComposeFile, ctx: MergeContext, resolveFile: FileResolver, inherited = false, seen = new Set<Pair>()): void {
  seen.add(pair);
  const base = baseOf(pair, file, resolveFile);
  if (base && !seen.has(base.pair)) mergeWithExtends(service, base.pair, base.file, ctx, resolveFile, true, seen);
  mergeDefinition(service, pair, file, ctx, inherited);
}
