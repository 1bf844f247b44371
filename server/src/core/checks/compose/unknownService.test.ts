import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanText, withCode, workspace } from '../../testing/stackFixture';

const CODE = 'compose/unknown-service';

test('every way of naming another service is checked, with did-you-mean fixes', () => {
  const text = `services:
  loki:
    image: grafana/loki:3.1.0
  alloy:
    image: grafana/alloy:v1.5.0
    depends_on: [lokii]
    links:
      - "lok:logs"
    network_mode: "service:grafanaa"
    volumes_from:
      - loky:ro
      - container:external
  base:
    extends: alloyy
`;
  const ws = workspace({ 'docker-compose.yml': text });
  const findings = withCode(ws.check(), CODE);
  assert.deepEqual(findings.map((f) => spanText(ws, f)).sort(), ['alloyy', 'grafanaa', 'lok', 'lokii', 'loky']);
  assert.ok(findings.every((f) => f.severity === 'error'));
  const lokii = findings.find((f) => spanText(ws, f) === 'lokii')!;
  assert.match(lokii.message, /service "alloy" depends on undefined service "lokii": did you mean "loki"\?/);
  assert.match(ws.apply(lokii.fixes![0])['docker-compose.yml'], /depends_on: \[loki\]/);
});

test('silent for optional dependencies and services defined in another file of the stack', () => {
  const ws = workspace({
    'docker-compose.yml': 'services:\n  app:\n    image: app:1\n    depends_on:\n      db:\n        condition: service_started\n      cache:\n        condition: service_started\n        required: false\n',
    'docker-compose.override.yml': 'services:\n  db:\n    image: postgres:16\n',
  });
  assert.deepEqual(withCode(ws.check(), CODE), []);
});

test('a service that an overlay file beside the stack defines is information, naming the -f set', () => {
  const ws = workspace({
    'compose.yaml': 'services:\n  app:\n    image: app:1\n',
    'compose.agent.yaml': 'services:\n  chatbot:\n    image: bot:1\n    depends_on:\n      opamp-server:\n        condition: service_started\n',
    'compose.observability.yaml': 'services:\n  opamp-server:\n    image: opamp:1\n',
  });
  const [finding] = withCode(ws.check('compose.agent.yaml'), CODE);
  assert.equal(finding.severity, 'information');
  assert.match(finding.message, /compose\.observability\.yaml defines it\. Run it as `docker compose -f compose\.yaml -f compose\.agent\.yaml -f compose\.observability\.yaml`/);
});
