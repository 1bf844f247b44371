// A Loki configuration, as far as the checks read it: retention (limits and compactor), the store
// the compactor can keep delete requests in, and the `retention_stream` selectors (LogQL matchers).
import { isMap, type Document, type Pair, type Scalar } from 'yaml';
import type { EmbeddedQuery } from './embedded';
import { parseQuery } from './queryLanguage';
import { entries, get, items, keyOf, pairOf, parseYamlConfig, scalar, scalarValue } from './yamlConfig';
import { yamlEmbedded } from './yamlScalar';

export interface LokiConfig {
  file: string;
  text: string;
  doc: Document.Parsed;
  /** The settings that ask for retention: a non-zero `retention_period`, or `retention_stream`. */
  retentionRequests: Array<Pair<Scalar, unknown>>;
  /** The `compactor` pair, when the file has one. */
  compactor?: Pair<Scalar, unknown>;
  retentionEnabled?: Pair<Scalar, unknown>;
  deleteRequestStore?: Pair<Scalar, unknown>;
  /** `shared_store` (removed in 3.0) shows a Loki 2.x configuration. */
  isLoki2: boolean;
  /** The object store of the newest schema period: what `delete_request_store` usually names. */
  objectStore?: string;
  selectors: EmbeddedQuery[];
}

const ZERO_DURATION = /^0+[a-z]*$/;

export function readLokiConfig(file: string, text: string): LokiConfig {
  const doc = parseYamlConfig(text);
  const root = doc.contents;
  const limits = get(root, 'limits_config');
  const period = pairOf(limits, 'retention_period');
  const streams = pairOf(limits, 'retention_stream');
  const periodValue = scalarValue(period?.value);
  const retentionRequests = [
    ...(period && periodValue !== undefined && !ZERO_DURATION.test(periodValue.trim()) ? [period] : []),
    ...(streams && items(streams.value).length > 0 ? [streams] : []),
  ];
  const compactor = pairOf(root, 'compactor');
  const configs = items(get(get(root, 'schema_config'), 'configs'));
  return {
    file,
    text,
    doc,
    retentionRequests,
    compactor,
    retentionEnabled: pairOf(compactor?.value, 'retention_enabled'),
    deleteRequestStore: pairOf(compactor?.value, 'delete_request_store'),
    isLoki2: hasKey(root, 'shared_store'),
    objectStore: scalarValue(get(configs[configs.length - 1], 'object_store')),
    selectors: streamSelectors(file, text, streams?.value),
  };
}

function streamSelectors(file: string, text: string, streams: unknown): EmbeddedQuery[] {
  const out: EmbeddedQuery[] = [];
  items(streams).forEach((stream, k) => {
    const node = scalar(get(stream, 'selector'));
    const embedded = node && yamlEmbedded(file, text, node);
    if (embedded) out.push({ ...embedded, language: 'logql', confident: true, where: `limits_config.retention_stream[${k}].selector`, parsed: parseQuery(embedded.value, 'logql') });
  });
  return out;
}

function hasKey(node: unknown, key: string, depth = 0): boolean {
  if (depth > 6 || !isMap(node)) return false;
  return entries(node).some((p) => keyOf(p) === key || hasKey(p.value, key, depth + 1));
}

/** `true`, `True`, `TRUE`: Go's YAML booleans; a `${VAR}` is unknown. */
export function booleanSetting(pair: Pair<Scalar, unknown> | undefined): boolean | 'unknown' | undefined {
  const value = scalar(pair?.value)?.value;
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  const text = String(value);
  if (text.includes('$')) return 'unknown';
  return /^true$/i.test(text) ? true : /^false$/i.test(text) ? false : 'unknown';
}
