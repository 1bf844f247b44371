// Everything StackLens knows of dashboards and Prometheus, Promtail and Loki configurations that the
// analyzer and the editor features call, as one module that loads on first use (load.ts).
export { lokiChecks, queryChecks } from '../checks/queries/registry';
export { queryFileTarget } from '../checks/queries/target';
export { queryHover } from '../features/queryHover';
export { LogPipelineIndex } from '../observability/logPipelines';
export { readLokiConfig } from '../observability/lokiConfig';
