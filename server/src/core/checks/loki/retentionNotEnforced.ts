import type { Check } from '../check';
import type { Fix, Span } from '../../diagnostic';
import { booleanSetting, type LokiConfig } from '../../observability/lokiConfig';
import { scalar } from '../../observability/yamlConfig';
import { addCompactorSettings } from './compactorEdits';
import type { LokiTarget } from './target';

export const retentionNotEnforced: Check<LokiTarget> = {
  code: 'loki/retention-not-enforced',
  severity: 'warning',
  description: 'A retention period is set, but `compactor.retention_enabled` is not true: Loki keeps the logs forever.',
  run(config, report) {
    const [request] = config.retentionRequests;
    if (!request) return;
    const enabled = booleanSetting(config.retentionEnabled);
    if (enabled === true || enabled === 'unknown') return;
    const key = String(request.key.value);
    report({
      file: config.file,
      span: spanOfPair(request),
      message:
        `\`limits_config.${key}\` is set, but \`compactor.retention_enabled\` is ${enabled === false ? 'false' : 'not set (default false)'}: ` +
        'without it the compactor only compacts, and logs are kept forever.',
      fixes: enableFix(config),
    });
  },
};

function enableFix(config: LokiConfig): Fix[] {
  const value = scalar(config.retentionEnabled?.value);
  if (value?.range) {
    return [{ title: 'Set `compactor.retention_enabled: true`', edits: [{ file: config.file, span: { start: value.range[0], end: value.range[1] }, newText: 'true' }], preferred: true }];
  }
  if (config.retentionEnabled) return [];
  // Loki 3.x also needs a delete request store once retention is on.
  const store = !config.isLoki2 && !config.deleteRequestStore && config.objectStore ? [`delete_request_store: ${config.objectStore}`] : [];
  const edits = addCompactorSettings(config, ['retention_enabled: true', ...store]);
  return edits ? [{ title: 'Enable retention in the compactor', edits, preferred: true }] : [];
}

export function spanOfPair(pair: { key: unknown; value: unknown }): Span {
  const key = (pair.key as { range?: [number, number, number] }).range;
  const value = (pair.value as { range?: [number, number, number] } | null)?.range;
  return { start: key?.[0] ?? 0, end: value?.[1] ?? key?.[1] ?? 0 };
}
