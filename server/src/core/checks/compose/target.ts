import type { FileSource } from '../../workspace/fileSource';
import type { Stack } from '../../compose/stack';
import type { Service } from '../../compose/service';
import type { ComposeFile } from '../../compose/composeFile';

/** What every compose check reads: one loaded stack, and the files around it. */
export interface ComposeTarget {
  stack: Stack;
  source: FileSource;
  settings: ComposeSettings;
}

export interface ComposeSettings {
  /** Key and type checks from the compose-spec schema (setting `stacklens.compose.schemaValidation`). */
  schemaValidation: boolean;
}

/** The definition of a service in a given file (where a fix edits it). */
export function definitionIn(service: Service, file: string): { file: ComposeFile; pair: Service['definitions'][number]['pair'] } | undefined {
  return service.definitions.find((d) => d.file.path === file);
}
