import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FIXTURES, runCli } from './runCli';

const STACK = path.join(FIXTURES, 'cli-stack');

test('text format: file:line:col: severity code: message, exit 1 at the default fail level', () => {
  const { code, stdout } = runCli(['check'], STACK);
  assert.equal(code, 1);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 2);
  assert.match(lines[0], /^docker-compose\.yml:7:18: warning compose\/depends-on-init-condition: "init" is a run-once init service/);
  assert.match(lines[1], /^docker-compose\.yml:11:37: warning compose\/undefined-variable: The "GRAFANA_ADMIN_PASSWORD" variable is not set.*--env-file \.env\.observability/);
  assert.doesNotMatch(stdout, /not-for-output/);
});

test('json format: 0-based LSP ranges, paths relative to the working directory', () => {
  const { code, stdout } = runCli(['check', 'test/fixtures/cli-stack', '--format', 'json']);
  assert.equal(code, 1);
  const { diagnostics } = JSON.parse(stdout);
  assert.deepEqual(diagnostics[0], {
    file: 'test/fixtures/cli-stack/docker-compose.yml',
    range: { start: { line: 6, character: 17 }, end: { line: 6, character: 21 } },
    severity: 'warning',
    code: 'compose/depends-on-init-condition',
    message: diagnostics[0].message,
    source: 'stacklens',
  });
  assert.deepEqual(diagnostics.map((d: { code: string }) => d.code), ['compose/depends-on-init-condition', 'compose/undefined-variable']);
});

test('sarif format: a 2.1.0 log with rules and 1-based regions', () => {
  const { stdout } = runCli(['check', '--format', 'sarif'], STACK);
  const sarif = JSON.parse(stdout);
  assert.equal(sarif.version, '2.1.0');
  const run = sarif.runs[0];
  assert.equal(run.tool.driver.name, 'stacklens');
  assert.deepEqual(run.tool.driver.rules.map((r: { id: string }) => r.id), ['compose/depends-on-init-condition', 'compose/undefined-variable']);
  assert.deepEqual(run.results[0].locations[0].physicalLocation, {
    artifactLocation: { uri: 'docker-compose.yml' },
    region: { startLine: 7, startColumn: 18, endLine: 7, endColumn: 22 },
  });
  assert.equal(run.results[0].level, 'warning');
});

test('--env-file loads the variables; --fail-level error passes warnings', () => {
  const withEnv = runCli(['check', '--env-file', '.env.observability', '--format', 'json'], STACK);
  assert.deepEqual(JSON.parse(withEnv.stdout).diagnostics.map((d: { code: string }) => d.code), ['compose/depends-on-init-condition']);
  assert.equal(runCli(['check', '--fail-level', 'error'], STACK).code, 0);
});

test('-f makes one stack; the environment wins', () => {
  const { stdout, code } = runCli(['check', '-f', 'docker-compose.yml', '--format', 'json'], STACK, { GRAFANA_ADMIN_PASSWORD: 'x' });
  assert.equal(code, 1);
  assert.deepEqual(JSON.parse(stdout).diagnostics.map((d: { code: string }) => d.code), ['compose/depends-on-init-condition']);
});

test('usage errors exit 2 with a clear message', () => {
  for (const [args, message] of [
    [['check', '--format', 'xml'], /--format must be one of text, json, sarif, not "xml"/],
    [['check', '--fail-level'], /--fail-level needs a value/],
    [['check', 'no/such/path'], /no such file or directory: no\/such\/path/],
    [['check', '--env-file', 'missing.env'], /couldn't find env file/],
    [['frobnicate'], /unknown command "frobnicate"/],
  ] as const) {
    const { code, stderr } = runCli([...args], STACK);
    assert.equal(code, 2, args.join(' '));
    assert.match(stderr, message);
  }
});

test('a directory with no compose file and no PATH is a usage error, not a silent pass', () => {
  const { code, stderr } = runCli(['check'], path.join(FIXTURES, '..'));
  assert.equal(code, 2);
  assert.match(stderr, /no compose file found/);
});

test('an explicit directory with nothing StackLens checks is clean, with a note on stderr', () => {
  const { code, stdout, stderr } = runCli(['check', 'server/src/core/text']);
  assert.equal(code, 0);
  assert.equal(stdout, '');
  assert.match(stderr, /no file StackLens checks in server\/src\/core\/text/);
});
