// Where the core reads files from: the disk, or the disk seen through an editor's unsaved buffers.
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface FileSource {
  readFile(file: string): string | undefined;
  /** Names (not paths) of the entries of a directory, or undefined when it does not exist. */
  listDir(dir: string): string[] | undefined;
}

export const diskFileSource: FileSource = {
  readFile(file) {
    try {
      return fs.readFileSync(file, 'utf8');
    } catch {
      return undefined;
    }
  },
  listDir(dir) {
    try {
      return fs.readdirSync(dir);
    } catch {
      return undefined;
    }
  },
};

/** Open documents win over the disk, so diagnostics follow what the user sees, saved or not. */
export function overlayFileSource(openDocuments: () => ReadonlyMap<string, string>, base: FileSource = diskFileSource): FileSource {
  return {
    readFile(file) {
      return openDocuments().get(file) ?? base.readFile(file);
    },
    listDir(dir) {
      const onDisk = base.listDir(dir);
      const names = new Set(onDisk);
      // An open document's folders count too: it may live in folders not saved yet.
      const prefix = dir.endsWith(path.sep) ? dir : dir + path.sep;
      for (const file of openDocuments().keys()) if (file.startsWith(prefix)) names.add(file.slice(prefix.length).split(path.sep)[0]);
      return names.size > 0 || onDisk ? [...names] : undefined;
    },
  };
}

export function memoryFileSource(files: Record<string, string>): FileSource {
  const map = new Map(Object.entries(files).map(([k, v]) => [path.resolve(k), v]));
  return overlayFileSource(() => map, { readFile: () => undefined, listDir: () => undefined });
}
