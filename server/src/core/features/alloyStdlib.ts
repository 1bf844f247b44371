// What the Alloy standard library's names do, for hover and completion. The registry lists the names
// (generated from the docs); signatures and one-line descriptions are written here after the same docs.
import registry from '../alloy/registry/components.json';

// The registry module exposes only the set of names; the namespaces' members come from its data.
const { namespaces: stdlibNamespaces, functions: stdlibFunctions, deprecated: stdlibDeprecated } = registry.stdlib as {
  namespaces: Record<string, string[]>;
  functions: string[];
  deprecated: string[];
};

export interface StdlibEntry {
  /** Full dotted name, `encoding.from_json`. */
  name: string;
  /** `encoding.from_json(string) -> any`; constants have no parentheses. */
  signature: string;
  description: string;
  isFunction: boolean;
  /** The name that replaces a deprecated one. */
  replacedBy?: string;
}

const DOCS: Record<string, [signature: string, description: string]> = {
  'sys.env': ['(name string) -> string', 'The value of an environment variable of the Alloy process, or "" when it is unset.'],
  'convert.nonsensitive': ['(value secret) -> string', 'Turns a secret into a plain string, so it may be shown in the UI and passed to string arguments.'],
  'array.concat': ['(lists ...list) -> list', 'Joins lists into one.'],
  'array.combine_maps': ['(left list(map), right list(map), keys list(string)) -> list(map)', 'Merges the objects of two lists whose values match on all the given keys.'],
  'array.group_by': ['(list list(map), key string, drop_missing bool) -> list(map)', 'Groups objects by the value of a key.'],
  'encoding.from_json': ['(text string) -> any', 'Decodes a JSON string into an Alloy value.'],
  'encoding.from_yaml': ['(text string) -> any', 'Decodes a YAML string into an Alloy value.'],
  'encoding.from_base64': ['(text string) -> string', 'Decodes a standard base64 string.'],
  'encoding.from_URLbase64': ['(text string) -> string', 'Decodes a URL-safe base64 string.'],
  'encoding.to_json': ['(value any) -> string', 'Encodes a value as JSON.'],
  'encoding.to_base64': ['(text string) -> string', 'Encodes a string as standard base64.'],
  'encoding.to_URLbase64': ['(text string) -> string', 'Encodes a string as URL-safe base64.'],
  'encoding.url_encode': ['(text string) -> string', 'Escapes a string for use in a URL query.'],
  'encoding.url_decode': ['(text string) -> string', 'Unescapes a URL query string.'],
  'string.format': ['(format string, args ...any) -> string', 'Formats values with a printf-style format (`%s`, `%d`, `%q`...).'],
  'string.join': ['(list list(string), separator string) -> string', 'Joins strings with a separator.'],
  'string.replace': ['(text string, old string, new string) -> string', 'Replaces every occurrence of `old`.'],
  'string.split': ['(text string, separator string) -> list(string)', 'Splits a string at every separator.'],
  'string.to_lower': ['(text string) -> string', 'Lower-cases a string.'],
  'string.to_upper': ['(text string) -> string', 'Upper-cases a string.'],
  'string.trim': ['(text string, cutset string) -> string', 'Removes the characters of `cutset` from both ends.'],
  'string.trim_prefix': ['(text string, prefix string) -> string', 'Removes a leading prefix, when present.'],
  'string.trim_suffix': ['(text string, suffix string) -> string', 'Removes a trailing suffix, when present.'],
  'string.trim_space': ['(text string) -> string', 'Removes leading and trailing whitespace.'],
  'file.path_join': ['(elements ...string) -> string', 'Joins path elements with the separator of the OS.'],
  'constants.hostname': ['string', 'The hostname of the machine Alloy runs on.'],
  'constants.os': ['string', 'The operating system Alloy runs on (`linux`, `darwin`, `windows`).'],
  'constants.arch': ['string', 'The CPU architecture Alloy runs on (`amd64`, `arm64`...).'],
  'constants.version': ['string', 'The Alloy version.'],
  coalesce: ['(values ...any) -> any', 'The first argument that is not null, empty or zero.'],
  json_path: ['(json string, path string) -> list', 'Queries a JSON string with a JSONPath expression.'],
};

const DEPRECATED: Record<string, string> = {
  env: 'sys.env', nonsensitive: 'convert.nonsensitive', concat: 'array.concat',
  json_decode: 'encoding.from_json', yaml_decode: 'encoding.from_yaml', base64_decode: 'encoding.from_base64',
};

function entry(name: string, replacedBy?: string): StdlibEntry {
  const [signature, description] = DOCS[replacedBy ?? name] ?? ['(...) -> any', ''];
  const isFunction = signature.startsWith('(');
  return { name, signature: isFunction ? name + signature : `${name}: ${signature}`, description, isFunction, replacedBy };
}

/** Current (not deprecated) names, namespaced members and top-level functions. */
export const STDLIB: readonly StdlibEntry[] = [
  ...Object.entries(stdlibNamespaces).flatMap(([ns, members]) => members.map((m) => entry(`${ns}.${m}`))),
  ...stdlibFunctions.map((f) => entry(f)),
];

/** The entry for a full name, deprecated ones included (`format` is `string.format`). */
export function stdlibEntry(name: string): StdlibEntry | undefined {
  const current = STDLIB.find((e) => e.name === name);
  if (current) return current;
  if (!stdlibDeprecated.includes(name)) return undefined;
  return entry(name, DEPRECATED[name] ?? `string.${name}`);
}

export function isStdlibNamespace(name: string): boolean {
  return name in stdlibNamespaces;
}
