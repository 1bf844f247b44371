import type { LokiConfig } from '../../observability/lokiConfig';

export type LokiTarget = LokiConfig;
