// A Promtail configuration: relabel regexes (anchored), pipeline stage regexes (not anchored),
// `match` selectors (LogQL), `__path__` globs, and the stream labels its pipelines set.
import type { EmbeddedQuery } from './embedded';
import type { QueryFileModel } from './prometheusConfig';
import { parseQuery } from './queryLanguage';
import { relabelPatterns, relabelTargetLabels } from './relabel';
import { entries, get, items, keyOf, parseYamlConfig, scalar, scalarValue } from './yamlConfig';
import { yamlEmbedded } from './yamlScalar';

// Stage fields that take a regex; `regexp.Compile` without anchors in each stage.
const STAGE_REGEXES: Record<string, string[]> = { regex: ['expression'], replace: ['expression'], drop: ['expression'], multiline: ['firstline'] };
const PATH_LABELS = ['__path__', '__path_exclude__'];

export function readPromtailConfig(file: string, text: string): QueryFileModel {
  const root = parseYamlConfig(text).contents;
  const model: QueryFileModel = { queries: [], patterns: [] };
  items(get(root, 'scrape_configs')).forEach((job, k) => {
    const name = scalarValue(get(job, 'job_name')) ?? String(k);
    model.patterns.push(...relabelPatterns(file, text, get(job, 'relabel_configs'), `scrape_configs "${name}" relabel_configs`));
    readStages(file, text, get(job, 'pipeline_stages'), `scrape_configs "${name}" pipeline_stages`, model);
    items(get(job, 'static_configs')).forEach((sc, j) => {
      for (const label of PATH_LABELS) {
        const node = scalar(get(get(sc, 'labels'), label));
        const embedded = node && yamlEmbedded(file, text, node);
        if (embedded) model.patterns.push({ ...embedded, syntax: 'glob', anchoring: 'anchored', where: `static_configs[${j}].labels.${label}` });
      }
    });
  });
  return model;
}

function readStages(file: string, text: string, stages: unknown, where: string, model: QueryFileModel): void {
  items(stages).forEach((stage, k) => {
    for (const pair of entries(stage)) {
      const kind = keyOf(pair);
      for (const field of STAGE_REGEXES[kind] ?? []) {
        const node = scalar(get(pair.value, field));
        const embedded = node && yamlEmbedded(file, text, node);
        if (embedded) model.patterns.push({ ...embedded, syntax: 'regex', anchoring: 'unanchored', where: `${where}[${k}].${kind}.${field}` });
      }
      if (kind !== 'match') continue;
      const selector = scalar(get(pair.value, 'selector'));
      const embedded = selector && yamlEmbedded(file, text, selector);
      if (embedded) model.queries.push({ ...embedded, language: 'logql', confident: true, where: `${where}[${k}].match.selector`, parsed: parseQuery(embedded.value, 'logql') } satisfies EmbeddedQuery);
      readStages(file, text, get(pair.value, 'stages') ?? get(pair.value, 'pipeline_stages'), `${where}[${k}].match.stages`, model);
    }
  });
}

export interface PipelineLabels {
  labels: Set<string>;
  /** Some labels come from the data (`labelmap`): an unknown label may well exist. */
  open: boolean;
}

/** The stream labels a Promtail configuration can give its logs. */
export function promtailLabels(text: string): PipelineLabels {
  const root = parseYamlConfig(text).contents;
  const labels = new Set<string>();
  let open = false;
  const add = (node: unknown) => {
    for (const pair of entries(node)) if (!keyOf(pair).startsWith('__')) labels.add(keyOf(pair));
  };
  for (const client of items(get(root, 'clients'))) add(get(client, 'external_labels'));
  for (const job of items(get(root, 'scrape_configs'))) {
    for (const sc of items(get(job, 'static_configs'))) {
      add(get(sc, 'labels'));
      if (get(get(sc, 'labels'), '__path__') !== undefined) labels.add('filename');
    }
    // journal, syslog, loki_push_api, gelf, kafka … each take `labels`.
    for (const pair of entries(job)) add(get(pair.value, 'labels'));
    const relabel = relabelTargetLabels(get(job, 'relabel_configs'));
    relabel.labels.forEach((l) => labels.add(l));
    open ||= relabel.open;
    stageLabels(get(job, 'pipeline_stages'), labels);
  }
  return { labels, open };
}

/** Adds the labels `labels` and `static_labels` stages set, in `match` stages too. */
function stageLabels(stages: unknown, labels: Set<string>): void {
  for (const stage of items(stages)) {
    for (const pair of entries(stage)) {
      const kind = keyOf(pair);
      if (kind === 'labels' || kind === 'static_labels') for (const l of entries(pair.value)) labels.add(keyOf(l));
      if (kind === 'match') stageLabels(get(pair.value, 'stages') ?? get(pair.value, 'pipeline_stages'), labels);
    }
  }
}
