// What the query and pattern checks read: the PromQL/LogQL and the regexes/globs of one file (a
// dashboard, a Prometheus, Promtail or Loki configuration), each mapped to its place in the file.
import type { EmbeddedPattern, EmbeddedQuery } from '../../observability/embedded';
import type { WorkspaceLogLabels } from '../../observability/logPipelines';
import { readDashboard } from '../../observability/dashboard';
import { readLokiConfig } from '../../observability/lokiConfig';
import { readPrometheusConfig } from '../../observability/prometheusConfig';
import { readPromtailConfig } from '../../observability/promtailConfig';
import type { ObservabilityKind } from '../../observability/configKind';

export interface QueryFileTarget {
  file: string;
  queries: EmbeddedQuery[];
  patterns: EmbeddedPattern[];
  /** The stream labels the workspace's log pipelines set; undefined when it has none. */
  logLabels(): WorkspaceLogLabels | undefined;
}

export function queryFileTarget(file: string, text: string, kind: ObservabilityKind, logLabels: () => WorkspaceLogLabels | undefined = () => undefined): QueryFileTarget {
  switch (kind) {
    case 'dashboard':
      return { file, queries: readDashboard(file, text).queries, patterns: [], logLabels };
    case 'prometheus':
      return { file, ...readPrometheusConfig(file, text), logLabels };
    case 'promtail':
      return { file, ...readPromtailConfig(file, text), logLabels };
    case 'loki':
      return { file, queries: readLokiConfig(file, text).selectors, patterns: [], logLabels };
  }
}
