import type { Check } from '../check';
import type { Fix } from '../../diagnostic';
import type { Service } from '../../compose/service';
import { appendToService, setDependsOnCondition } from '../../compose/yamlEdits';
import { definitionIn, type ComposeTarget } from './target';
import type { FileSource } from '../../workspace/fileSource';

/** Readiness endpoints of the stack's usual images, for a healthcheck skeleton that works as written. */
const READY_PROBES: [RegExp, string][] = [
  [/loki/, 'wget -q --spider http://localhost:3100/ready || exit 1'],
  [/prometheus/, 'wget -q --spider http://localhost:9090/-/ready || exit 1'],
  [/grafana\/grafana/, 'wget -q --spider http://localhost:3000/api/health || exit 1'],
  [/alloy/, 'wget -q --spider http://localhost:12345/-/ready || exit 1'],
  [/tempo/, 'wget -q --spider http://localhost:3200/ready || exit 1'],
];

function healthcheckSkeleton(service: Service): string[] {
  const image = service.image?.value ?? '';
  const probe = READY_PROBES.find(([re]) => re.test(image))?.[1] ?? 'test -f /tmp/ready || exit 1';
  return ['healthcheck:', `  test: ["CMD-SHELL", ${JSON.stringify(probe)}]`, '  interval: 5s', '  timeout: 3s', '  retries: 20'];
}

type DockerfileVerdict = 'has-healthcheck' | 'no-healthcheck' | 'unknown';

function dockerfileVerdict(service: Service, source: FileSource): DockerfileVerdict {
  const text = service.dockerfile && source.readFile(service.dockerfile.value);
  if (text === undefined) return 'unknown';
  return /^\s*HEALTHCHECK\s+(?!NONE\b)/im.test(text) ? 'has-healthcheck' : 'no-healthcheck';
}

export const healthyWithoutHealthcheck: Check<ComposeTarget> = {
  code: 'compose/healthy-without-healthcheck',
  severity: 'warning',
  description: 'service_healthy on a dependency without a healthcheck: compose refuses to start the dependant.',
  run({ stack, source }, report) {
    for (const service of stack.services.values()) {
      for (const dep of service.dependsOn.values()) {
        const target = stack.services.get(dep.service);
        // With `required: false` compose only warns and starts the dependant anyway.
        if (!target || dep.effectiveCondition !== 'service_healthy' || !dep.condition || !dep.required) continue;
        if (target.healthcheck && !target.healthcheck.value.disabled) continue;
        const verdict = dockerfileVerdict(target, source);
        if (verdict === 'has-healthcheck') continue;
        const fixes: Fix[] = [];
        const targetDefinition = target.definitions[target.definitions.length - 1];
        if (!target.healthcheck && targetDefinition) {
          const edits = appendToService(targetDefinition.file, targetDefinition.pair, healthcheckSkeleton(target));
          if (edits.length) fixes.push({ title: `Add a healthcheck to "${dep.service}"`, edits, preferred: true });
        }
        const definition = definitionIn(service, dep.file);
        if (definition) {
          const edits = setDependsOnCondition(definition.file, definition.pair, dep.service, 'service_started');
          if (edits.length) fixes.push({ title: `Wait for "${dep.service}" with service_started`, edits });
        }
        const none = target.healthcheck ? 'its healthcheck is disabled' : 'it has no healthcheck';
        const message = verdict === 'no-healthcheck'
          ? `"${dep.service}" is awaited with service_healthy but ${none}, and its Dockerfile defines no HEALTHCHECK: compose fails with "dependency failed to start: container ... has no healthcheck configured". Add a healthcheck to "${dep.service}" or use another condition.`
          : `"${dep.service}" is awaited with service_healthy but ${none}: compose refuses to start "${service.name}" ("has no healthcheck configured") unless the image defines a HEALTHCHECK. Add a healthcheck to "${dep.service}" or use another condition.`;
        report({ file: dep.file, span: dep.condition.span, severity: verdict === 'no-healthcheck' ? 'error' : 'warning', message, fixes });
      }
    }
  },
};
