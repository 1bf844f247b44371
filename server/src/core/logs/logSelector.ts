// Which LogQL selector finds a compose service's logs in Loki: whatever label the stack's log pipeline
// (Alloy or Promtail docker discovery) copies from the compose service label or the container name.
import { parse } from 'yaml';
import { parseAlloy } from '../alloy/parser';
import { relabelRules } from '../alloy/relabelRules';

const SERVICE_META = '__meta_docker_container_label_com_docker_compose_service';
const CONTAINER_NAME_META = '__meta_docker_container_name';

export interface DockerLabelMapping {
  /** The Loki label that carries the compose service name. */
  serviceLabel?: string;
  /** The Loki label that carries the container name (`/project-service-1`, or without the slash). */
  containerLabel?: string;
}

interface Rule {
  sources: string[];
  target?: string;
  action: string;
}

function promtailRules(text: string): Rule[] {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch {
    return [];
  }
  const configs = (doc as { scrape_configs?: unknown })?.scrape_configs;
  if (!Array.isArray(configs)) return [];
  return configs.flatMap((c) => (Array.isArray(c?.relabel_configs) ? c.relabel_configs : [])).map((r: Record<string, unknown>) => ({
    sources: Array.isArray(r.source_labels) ? r.source_labels.map(String) : [],
    target: typeof r.target_label === 'string' ? r.target_label : undefined,
    action: typeof r.action === 'string' ? r.action.toLowerCase() : 'replace',
  }));
}

/** The mapping the pipeline files set up; `kind` says how to read each file. */
export function dockerLabelMapping(files: { kind: 'alloy' | 'promtail'; text: string }[]): DockerLabelMapping {
  const mapping: DockerLabelMapping = {};
  for (const { kind, text } of files) {
    for (const rule of kind === 'alloy' ? relabelRules(parseAlloy(text).file) : promtailRules(text)) {
      if (rule.action !== 'replace' || !rule.target || rule.target.startsWith('__') || rule.sources.length !== 1) continue;
      if (rule.sources[0] === SERVICE_META) mapping.serviceLabel ??= rule.target;
      if (rule.sources[0] === CONTAINER_NAME_META) mapping.containerLabel ??= rule.target;
    }
  }
  return mapping;
}

function regexQuote(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\\\$&');
}

/** The selector for one service; without a known mapping, a container-name guess the user can edit. */
export function logSelectorFor(mapping: DockerLabelMapping, projectName: string, service: string): string {
  if (mapping.serviceLabel) return `{${mapping.serviceLabel}="${service}"}`;
  // compose v2 names containers project-service-N, v1 project_service_N; docker prefixes a slash.
  const name = `/?${regexQuote(projectName)}[-_]${regexQuote(service)}[-_][0-9]+`;
  return `{${mapping.containerLabel ?? 'container'}=~"${name}"}`;
}
