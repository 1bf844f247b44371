// Alloy and the observability languages load when a file of theirs is first checked or asked about.
// A compose-only workspace never pays for their parsers, the Alloy component registry and RE2: about
// 14 MB of a language server's memory. Import their types freely; call them through these.
import type * as Alloy from './alloy';
import type * as Observability from './observability';

export const alloyLanguage = loadOnce<typeof Alloy>(() => require('./alloy'));
export const observabilityLanguage = loadOnce<typeof Observability>(() => require('./observability'));

function loadOnce<T>(load: () => T): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= load());
}
