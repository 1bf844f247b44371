// Telling Grafana dashboards, Prometheus, Promtail and Loki files apart by what they contain: their
// names (`config.yaml`, `local.json`) say little.
import { topLevelKeys } from './yamlConfig';

export type ObservabilityKind = 'dashboard' | 'prometheus' | 'promtail' | 'loki';

const DASHBOARD_KEY = /"(?:panels|templating|rows)"\s*:/;
const LOKI_KEYS = ['schema_config', 'limits_config', 'compactor', 'ingester'];
// Tempo and Mimir configurations also have `compactor` and `ingester`.
const NOT_LOKI_KEYS = ['storage', 'blocks_storage', 'metrics_generator', 'query_frontend', 'alertmanager_storage'];
const PROMTAIL_SIGN = /^\s+(?:-\s+)?(?:pipeline_stages|__path__)\s*:/m;
const RULES = /^\s+(?:-\s+)?rules\s*:/m;
const RULE_EXPR = /^\s+(?:-\s+)?expr\s*:/m;

export function observabilityKind(name: string, text: string): ObservabilityKind | undefined {
  if (name.endsWith('.json')) return text.trimStart().startsWith('{') && DASHBOARD_KEY.test(text) ? 'dashboard' : undefined;
  if (!/\.ya?ml$/.test(name)) return undefined;
  const keys = topLevelKeys(text);
  if (keys.has('services')) return undefined; // compose
  if (keys.has('scrape_configs')) {
    return keys.has('positions') || keys.has('clients') || PROMTAIL_SIGN.test(text) ? 'promtail' : 'prometheus';
  }
  if (LOKI_KEYS.some((k) => keys.has(k)) && !NOT_LOKI_KEYS.some((k) => keys.has(k))) return 'loki';
  if (keys.has('groups') && RULES.test(text) && RULE_EXPR.test(text)) return 'prometheus';
  return undefined;
}
