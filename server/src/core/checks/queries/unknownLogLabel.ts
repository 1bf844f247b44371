import type { Check } from '../check';
import { closestMatch } from '../../text/suggest';
import { queryEdit, usableParse } from './regexSites';
import type { QueryFileTarget } from './target';

// Labels Loki gives streams itself: `service_name` (discover_service_name, on by default in 3.x).
const LOKI_LABELS = ['service_name'];

export const unknownLogLabel: Check<QueryFileTarget> = {
  code: 'query/unknown-log-label',
  severity: 'information',
  description: "A dashboard's LogQL stream selector uses a label that no log pipeline of the workspace (Promtail, Alloy) sets.",
  run({ queries, logLabels }, report) {
    const dashboardLogql = queries.filter((q) => q.fromDashboard && q.language === 'logql');
    if (dashboardLogql.length === 0) return;
    const known = logLabels();
    if (!known || known.open) return;
    const labels = new Set([...known.labels, ...LOKI_LABELS]);
    const listed = [...known.labels].sort().map((l) => `\`${l}\``).join(', ') || 'none';
    for (const q of dashboardLogql) {
      for (const m of usableParse(q)?.matchers ?? []) {
        if (m.context !== 'logql-stream-selector' || labels.has(m.label) || m.label.startsWith('__')) continue;
        const suggestion = closestMatch(m.label, known.labels);
        const edit = suggestion ? queryEdit(q, m.labelSpan, suggestion) : undefined;
        report({
          file: q.file,
          span: { start: q.toFile(m.labelSpan.start), end: q.toFile(m.labelSpan.end) },
          message:
            `${q.where}: no log pipeline in this workspace sets the label \`${m.label}\`, so this selector may match no stream` +
            (suggestion ? `; did you mean \`${suggestion}\`?` : '.') +
            ` Labels set: ${listed}.`,
          fixes: edit ? [{ title: `Use the label \`${suggestion}\``, edits: [edit], preferred: true }] : [],
        });
      }
    }
  },
};
