// Test support for the Alloy editor features: a directory of .alloy files and a cursor marked `|`.
import { memoryFileSource, type FileSource } from '../workspace/fileSource';

export const FILE = '/project/config.alloy';

export interface Marked {
  source: FileSource;
  text: string;
  offset: number;
}

/** `config.alloy` is `text` without its `|`, which marks the cursor; `siblings` are the other files. */
export function marked(text: string, siblings: Record<string, string> = {}): Marked {
  const offset = text.indexOf('|');
  const clean = text.replace('|', '');
  const files = Object.fromEntries(Object.entries(siblings).map(([name, t]) => [`/project/${name}`, t]));
  return { source: memoryFileSource({ [FILE]: clean, ...files }), text: clean, offset };
}

export const PIPELINE = `loki.write "local" {
  endpoint {
    url = "http://loki:3100/loki/api/v1/push"
  }
}

local.file_match "logs" {
  path_targets = [{"__path__" = "/var/log/*.log"}]
}

loki.source.file "files" {
  targets    = local.file_match.logs.targets
  forward_to = [loki.write.local.receiver]
}
`;
