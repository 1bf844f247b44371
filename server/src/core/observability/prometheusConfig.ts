// A Prometheus configuration (relabel regexes) or rule file (the PromQL of each rule).
import type { EmbeddedPattern, EmbeddedQuery } from './embedded';
import { looksLikeLogQL, guessLanguage, parseQuery } from './queryLanguage';
import { relabelPatterns } from './relabel';
import { get, items, parseYamlConfig, scalar, scalarValue } from './yamlConfig';
import { yamlEmbedded } from './yamlScalar';

export interface QueryFileModel {
  queries: EmbeddedQuery[];
  patterns: EmbeddedPattern[];
}

export function readPrometheusConfig(file: string, text: string): QueryFileModel {
  const root = parseYamlConfig(text).contents;
  const patterns: EmbeddedPattern[] = [];
  items(get(root, 'scrape_configs')).forEach((job, k) => {
    const name = scalarValue(get(job, 'job_name')) ?? String(k);
    patterns.push(...relabelPatterns(file, text, get(job, 'relabel_configs'), `scrape_configs "${name}" relabel_configs`));
    patterns.push(...relabelPatterns(file, text, get(job, 'metric_relabel_configs'), `scrape_configs "${name}" metric_relabel_configs`));
  });
  patterns.push(...relabelPatterns(file, text, get(get(root, 'alerting'), 'alert_relabel_configs'), 'alerting.alert_relabel_configs'));
  items(get(root, 'remote_write')).forEach((rw, k) => {
    patterns.push(...relabelPatterns(file, text, get(rw, 'write_relabel_configs'), `remote_write[${k}].write_relabel_configs`));
  });
  return { queries: ruleQueries(file, text, root), patterns };
}

/** `groups[].rules[].expr`: PromQL, or LogQL in a Loki ruler file. */
function ruleQueries(file: string, text: string, root: unknown): EmbeddedQuery[] {
  const out: EmbeddedQuery[] = [];
  for (const group of items(get(root, 'groups'))) {
    for (const rule of items(get(group, 'rules'))) {
      const expr = scalar(get(rule, 'expr'));
      const embedded = expr && yamlEmbedded(file, text, expr);
      if (!embedded || embedded.value.trim() === '') continue;
      const name = scalarValue(get(rule, 'alert')) ?? scalarValue(get(rule, 'record')) ?? '';
      const guess = guessLanguage(embedded.value, 'promql');
      // A rule that parses in neither language: PromQL unless it reads as LogQL; its errors are real.
      const language = guess.confident ? guess.language : looksLikeLogQL(embedded.value) ? 'logql' : 'promql';
      const parsed = guess.confident ? guess.parsed : parseQuery(embedded.value, language);
      out.push({ ...embedded, language, confident: true, where: `rule "${name}" in group "${scalarValue(get(group, 'name')) ?? ''}"`, parsed });
    }
  }
  return out;
}
