import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dockerLabelMapping, logSelectorFor } from './logSelector';

const ALLOY = `
discovery.docker "containers" {
  host = "unix:///var/run/docker.sock"
}
discovery.relabel "containers" {
  targets = discovery.docker.containers.targets
  rule {
    source_labels = ["__meta_docker_container_name"]
    regex         = "/(.*)"
    target_label  = "container"
  }
  rule {
    source_labels = ["__meta_docker_container_label_com_docker_compose_service"]
    target_label  = "service"
  }
}
`;

test('an Alloy pipeline that copies the compose service label gives an exact selector', () => {
  const mapping = dockerLabelMapping([{ kind: 'alloy', text: ALLOY }]);
  assert.deepEqual(mapping, { containerLabel: 'container', serviceLabel: 'service' });
  assert.equal(logSelectorFor(mapping, 'obs', 'loki'), '{service="loki"}');
});

test('a Promtail pipeline with only the container name gives a v1/v2 container-name regex', () => {
  const promtail = `scrape_configs:
  - job_name: docker
    docker_sd_configs:
      - host: unix:///var/run/docker.sock
    relabel_configs:
      - source_labels: ['__meta_docker_container_name']
        regex: '/(.*)'
        target_label: 'container_name'
`;
  const mapping = dockerLabelMapping([{ kind: 'promtail', text: promtail }]);
  assert.equal(logSelectorFor(mapping, 'my.stack', 'alloy-init'), '{container_name=~"/?my\\\\.stack[-_]alloy-init[-_][0-9]+"}');
});

test('no pipeline, or a half-typed one, falls back to the container label', () => {
  assert.equal(logSelectorFor(dockerLabelMapping([{ kind: 'alloy', text: 'discovery.relabel "x" { rule { source_labels = [' }]), 'p', 's'), '{container=~"/?p[-_]s[-_][0-9]+"}');
  assert.equal(logSelectorFor(dockerLabelMapping([{ kind: 'promtail', text: ': : :' }]), 'p', 's'), '{container=~"/?p[-_]s[-_][0-9]+"}');
});
