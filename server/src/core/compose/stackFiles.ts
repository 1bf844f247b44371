// The compose files a stack reads: the `-f` files in order, each followed by the files it pulls in with
// a top-level `include:` (short form `- path`, long form `- path: ...` with one path or a list).
import * as path from 'node:path';
import { isMap, isSeq } from 'yaml';
import type { FileSource } from '../workspace/fileSource';
import { pairOf, scalarText, type ComposeFile } from './composeFile';
import type { ComposeFileCache } from './stack';

function includedPaths(file: ComposeFile): string[] {
  const include = pairOf(file.doc.contents, 'include')?.value;
  if (!isSeq(include)) return [];
  const dir = path.dirname(file.path);
  return include.items.flatMap((item) => {
    const value = isMap(item) ? pairOf(item, 'path')?.value : item;
    const paths = isSeq(value) ? value.items.map(scalarText) : [scalarText(value)];
    return paths.filter((p): p is string => p !== undefined && !p.includes('$')).map((p) => path.resolve(dir, p));
  });
}

export function loadStackFiles(paths: string[], source: FileSource, cache: ComposeFileCache): { files: ComposeFile[]; missingFiles: string[] } {
  const files: ComposeFile[] = [];
  const missingFiles: string[] = [];
  const seen = new Set<string>();
  const load = (file: string, included: boolean) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = source.readFile(file);
    if (text === undefined) {
      if (!included) missingFiles.push(file);
      return;
    }
    const parsed = cache.get(file, text);
    files.push(parsed);
    for (const child of includedPaths(parsed)) load(child, true);
  };
  for (const file of paths) load(file, false);
  return { files, missingFiles };
}
