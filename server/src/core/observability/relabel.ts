// Prometheus relabel rules (also Promtail's, which are Prometheus's): the regex of each rule, anchored
// `^(?s:…)$`, and the labels the rules write.
import type { EmbeddedPattern } from './embedded';
import { get, items, scalar, scalarValue } from './yamlConfig';
import { yamlEmbedded } from './yamlScalar';

// keepequal/dropequal compare labels and take no regex.
const WITHOUT_REGEX = new Set(['keepequal', 'dropequal']);

export function relabelPatterns(file: string, text: string, rules: unknown, where: string): EmbeddedPattern[] {
  const out: EmbeddedPattern[] = [];
  items(rules).forEach((rule, k) => {
    const action = (scalarValue(get(rule, 'action')) ?? 'replace').toLowerCase();
    const regex = scalar(get(rule, 'regex'));
    if (!regex || WITHOUT_REGEX.has(action)) return;
    const embedded = yamlEmbedded(file, text, regex);
    if (embedded) out.push({ ...embedded, syntax: 'regex', anchoring: 'anchored', where: `${where}[${k}].regex` });
  });
  return out;
}

export interface RelabelLabels {
  labels: Set<string>;
  /** A `labelmap` rule writes labels named by the data: the set is not known. */
  open: boolean;
}

/** The labels relabel rules set; labels starting `__` are dropped after relabelling and do not count. */
export function relabelTargetLabels(rules: unknown): RelabelLabels {
  const labels = new Set<string>();
  let open = false;
  for (const rule of items(rules)) {
    const action = (scalarValue(get(rule, 'action')) ?? 'replace').toLowerCase();
    if (action === 'labelmap') open = true;
    const target = scalarValue(get(rule, 'target_label'));
    if (target && !target.startsWith('__') && ['replace', 'lowercase', 'uppercase', 'hashmod'].includes(action)) {
      if (target.includes('$')) open = true;
      else labels.add(target);
    }
  }
  return { labels, open };
}
