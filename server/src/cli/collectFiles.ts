// Which files `stacklens check` looks at for the paths it is given.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileKind } from '../core/workspace/fileKinds';
import { SKIPPED_DIRECTORIES } from '../core/workspace/fileNames';


/** Files below a directory that StackLens knows how to check, in a stable order. */
export function knownFilesUnder(dir: string): string[] {
  const found: string[] = [];
  const walk = (current: string) => {
    const entries = fs.readdirSync(current, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) walk(full);
      } else if (entry.isFile() && isKnown(full)) {
        found.push(full);
      }
    }
  };
  walk(dir);
  return found;
}

function isKnown(file: string): boolean {
  if (fileKind(file) !== undefined) return true;
  // YAML and JSON files are known only by content: compose (`services:`), Prometheus, Promtail, Loki, dashboards.
  return /\.(ya?ml|json)$/.test(file) && fileKind(file, fs.readFileSync(file, 'utf8')) !== undefined;
}
