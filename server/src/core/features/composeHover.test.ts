import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspace, ROOT } from '../testing/stackFixture';
import { composeHover } from './composeHover';
import { dotenvHover } from './dotenvHover';

const compose = `services:
  init:
    image: busybox:1.36
    command: ["chown", "-R", "1", "/d"]
  loki:
    image: grafana/loki:\${LOKI_TAG}
    restart: unless-stopped
    healthcheck:
      test: ["CMD", "true"]
  grafana:
    image: grafana/grafana:11.0.0
    environment:
      GF_SECURITY_ADMIN_PASSWORD: \${GF_ADMIN_PASSWORD}
      DOMAIN: \${DOMAIN:-\${FALLBACK_DOMAIN}}
    depends_on:
      init:
        condition: service_completed_successfully
      loki:
        condition: service_healthy
`;

const hoverAt = (needle: string, env = {}, delta = 1) => {
  const ws = workspace({ 'docker-compose.yml': compose, '.env': 'LOKI_TAG=3.1.0\nGF_ADMIN_PASSWORD=hunter2\n' }, { env });
  return composeHover(ws.analyzer, `${ROOT}/docker-compose.yml`, compose.indexOf(needle) + delta);
};

test('a variable shows its value and where it comes from; secrets are masked', () => {
  assert.equal(hoverAt('LOKI_TAG')!.markdown, '**LOKI_TAG** = `3.1.0` (from .env:1)');
  assert.equal(hoverAt('GF_ADMIN_PASSWORD}')!.markdown, '**GF_ADMIN_PASSWORD** = `•••••• (masked)` (from .env:2)');
  assert.equal(hoverAt('LOKI_TAG', { LOKI_TAG: '3.2.0' })!.markdown, '**LOKI_TAG** = `3.2.0` (from the environment)');
  assert.match(hoverAt('FALLBACK_DOMAIN')!.markdown, /^\*\*FALLBACK_DOMAIN\*\*: unset/);
  const hover = hoverAt('LOKI_TAG')!;
  assert.equal(compose.slice(hover.span.start, hover.span.end), '${LOKI_TAG}');
});

test('a depends_on target shows restart, healthcheck and whether it runs once', () => {
  const init = hoverAt('init:\n        condition')!;
  assert.match(init.markdown, /\*\*init\*\* · `busybox:1\.36`/);
  assert.match(init.markdown, /restart: no \(default\)/);
  assert.match(init.markdown, /lifecycle: run-once \(init\)/);
  const loki = hoverAt('loki:\n        condition')!;
  assert.match(loki.markdown, /restart: unless-stopped/);
  assert.match(loki.markdown, /healthcheck: yes/);
  assert.match(loki.markdown, /long-running \(restart\): await it with `service_healthy`/);
  assert.equal(hoverAt('image: busybox'), undefined);
});

test('.env hover: value as compose reads it, masked for secrets, and the environment override', () => {
  const text = 'TAG="3.1.0" # pinned\nAPI_TOKEN=abc\n';
  assert.equal(dotenvHover(text, 1, {})!.markdown, '**TAG** = `3.1.0`');
  assert.match(dotenvHover(text, text.indexOf('API_TOKEN') + 2, { API_TOKEN: 'x' })!.markdown, /^\*\*API_TOKEN\*\* = `•••••• \(masked\)`\n\nThe environment also sets it, and the environment wins\.$/);
});
