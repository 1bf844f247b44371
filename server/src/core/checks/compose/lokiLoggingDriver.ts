import type { Check } from '../check';
import type { ComposeTarget } from './target';

export const lokiLoggingDriver: Check<ComposeTarget> = {
  code: 'compose/loki-logging-driver',
  severity: 'information',
  description: 'The Loki Docker logging driver plugin: a container blocks when Loki is unreachable.',
  run({ stack }, report) {
    for (const service of stack.services.values()) {
      const driver = service.loggingDriver;
      if (!driver || !/^loki(:|$)/.test(driver.value)) continue;
      report({
        file: driver.file,
        span: driver.span,
        message: 'The loki logging driver plugin must be installed on every host, and a container can hang when Loki is down. Consider the default json-file driver with Grafana Alloy tailing container logs (discovery.docker + loki.source.docker).',
      });
    }
  },
};
