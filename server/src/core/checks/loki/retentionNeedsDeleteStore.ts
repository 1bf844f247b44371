import type { Check } from '../check';
import { booleanSetting } from '../../observability/lokiConfig';
import { scalarValue } from '../../observability/yamlConfig';
import { addAfter } from './compactorEdits';
import { spanOfPair } from './retentionNotEnforced';
import type { LokiTarget } from './target';

export const retentionNeedsDeleteStore: Check<LokiTarget> = {
  code: 'loki/retention-needs-delete-store',
  severity: 'error',
  description: 'Loki 3.x refuses to start with compactor retention enabled and no `compactor.delete_request_store`.',
  run(config, report) {
    // Loki 2.x used `shared_store` for delete requests; 3.0 removed it and made the store explicit.
    if (config.isLoki2 || booleanSetting(config.retentionEnabled) !== true) return;
    if ((scalarValue(config.deleteRequestStore?.value) ?? '').trim() !== '') return;
    const store = config.objectStore;
    const edits = store && config.retentionEnabled && !config.deleteRequestStore ? addAfter(config, config.retentionEnabled, `delete_request_store: ${store}`) : undefined;
    report({
      file: config.file,
      span: spanOfPair(config.retentionEnabled!),
      message:
        'Retention is enabled without `compactor.delete_request_store`: Loki 3.x refuses to start ' +
        '("compactor.delete-request-store should be configured when retention is enabled"). ' +
        `Set it to the object store that keeps delete requests${store ? `, usually the schema's \`${store}\`` : ''}.`,
      fixes: edits ? [{ title: `Add \`delete_request_store: ${store}\``, edits, preferred: true }] : [],
    });
  },
};
