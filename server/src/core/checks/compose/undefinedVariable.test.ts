import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanText, withCode, workspace } from '../../testing/stackFixture';

const CODE = 'compose/undefined-variable';

const compose = `services:
  grafana:
    image: grafana/grafana:\${GRAFANA_VERSION:-11.0.0}
    environment:
      GF_SECURITY_ADMIN_PASSWORD: \${GRAFANA_ADMIN_PASSWORD}
      GF_SERVER_ROOT_URL: "http://\${DOMAIN:?set DOMAIN in .env}/grafana"
      TZ: $TZ
      PROJECT: \${COMPOSE_PROJECT_NAME}
      LITERAL: $$HOME
`;

test('a variable defined only in .env.observability names that file and how to load it', () => {
  const ws = workspace({
    'docker-compose.yml': compose,
    '.env': 'DOMAIN=example.com\nTZ=UTC\n',
    '.env.observability': 'GRAFANA_ADMIN_PASSWORD=s3cret\n',
  });
  const [finding, ...rest] = withCode(ws.check(), CODE);
  assert.equal(rest.length, 0, rest.map((f) => f.message).join('\n'));
  assert.equal(finding.severity, 'warning');
  assert.equal(spanText(ws, finding), 'GRAFANA_ADMIN_PASSWORD');
  assert.match(finding.message, /defined in \.env\.observability, which docker compose does not load: run with `--env-file \.env\.observability`/);
  assert.doesNotMatch(finding.message, /s3cret/);
});

test('the :? form is an error naming the variable; $VAR and ${VAR} are warnings', () => {
  const ws = workspace({ 'docker-compose.yml': compose });
  const findings = withCode(ws.check(), CODE);
  assert.deepEqual(findings.map((f) => [spanText(ws, f), f.severity]), [
    ['GRAFANA_ADMIN_PASSWORD', 'warning'],
    ['DOMAIN', 'error'],
    ['TZ', 'warning'],
  ]);
  assert.match(findings[1].message, /^required variable DOMAIN is missing a value: set DOMAIN in \.env/);
});

test('--env-file replaces .env; the environment wins over both', () => {
  const files = { 'docker-compose.yml': compose, '.env': 'DOMAIN=a\nTZ=UTC\nGRAFANA_ADMIN_PASSWORD=x\n', 'ci.env': 'DOMAIN=b\n' };
  const stacks = [{ files: ['/project/docker-compose.yml'], envFiles: ['/project/ci.env'] }];
  const withEnvFile = withCode(workspace(files, { stacks }).check(), CODE);
  assert.deepEqual(withEnvFile.map((f) => f.message.split(' ')[1]).sort(), ['"GRAFANA_ADMIN_PASSWORD"', '"TZ"']);
  const fromEnvironment = withCode(workspace(files, { stacks, env: { TZ: 'UTC', GRAFANA_ADMIN_PASSWORD: 'x' } }).check(), CODE);
  assert.deepEqual(fromEnvironment, []);
});

test('an empty value satisfies ${VAR} and ${VAR?} but not ${VAR:?}', () => {
  const ws = workspace({ 'docker-compose.yml': 'services:\n  a:\n    image: "x:${A}-${B?}-${C:?}"\n', '.env': 'A=\nB=\nC=\n' });
  assert.deepEqual(withCode(ws.check(), CODE).map((f) => spanText(ws, f)), ['C']);
});

test('references inside a default are checked only when the default is used', () => {
  const ws = workspace({ 'docker-compose.yml': 'services:\n  a:\n    image: "${TAG:-${FALLBACK}}"\n    command: "${SET:-${NEVER_USED}}"\n', '.env': 'SET=1\n' });
  assert.deepEqual(withCode(ws.check(), CODE).map((f) => spanText(ws, f)), ['FALLBACK']);
});

test('the fix adds the variable to the loaded env file', () => {
  const ws = workspace({ 'docker-compose.yml': 'services:\n  a:\n    image: "x:${TAG}"\n', '.env': 'OTHER=1' });
  const [finding] = withCode(ws.check(), CODE);
  assert.equal(ws.apply(finding.fixes![0])['.env'], 'OTHER=1\nTAG=\n');
});

test('keys are not interpolated, and $$ escapes', () => {
  const ws = workspace({ 'docker-compose.yml': 'services:\n  a:\n    image: x:1\n    labels:\n      $NOT_A_VAR: "$$ESCAPED"\n' });
  assert.deepEqual(withCode(ws.check(), CODE), []);
});
