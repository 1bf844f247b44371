// Hover on a regex in a dashboard query, a Prometheus/Promtail configuration or a Loki retention
// selector: what it matches, anchored or not, as the data source really runs it.
import { regexSites } from '../checks/queries/regexSites';
import { queryFileTarget } from '../checks/queries/target';
import { describeMatch } from '../patterns/describeMatch';
import { fileKind } from '../workspace/fileKinds';
import type { HoverResult } from './composeHover';

export function queryHover(file: string, text: string, offset: number): HoverResult | undefined {
  const kind = fileKind(file, text);
  if (kind !== 'dashboard' && kind !== 'prometheus' && kind !== 'promtail' && kind !== 'loki') return undefined;
  for (const site of regexSites(queryFileTarget(file, text, kind))) {
    const span = site.fileSpan({ start: 0, end: site.value.length });
    if (offset < span.start || offset > span.end) continue;
    return { markdown: `**${site.where}**\n\n\`${site.value}\`: ${describeMatch(site.value, site.anchoring)}`, span };
  }
  return undefined;
}
