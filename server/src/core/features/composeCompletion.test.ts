import { test } from 'node:test';
import assert from 'node:assert/strict';
import { workspace, ROOT } from '../testing/stackFixture';
import { composeCompletion } from './composeCompletion';

/** Completion at the `|` in `text`. */
const complete = (text: string) => {
  const offset = text.indexOf('|');
  const compose = text.replace('|', '');
  const ws = workspace({ 'docker-compose.yml': compose, '.env': 'LOKI_TAG=3.1.0\nLOKI_PASSWORD=x\nOTHER=1\n' });
  return composeCompletion(ws.analyzer, `${ROOT}/docker-compose.yml`, compose, offset);
};

const base = `services:
  init:
    image: busybox:1.36
    command: ["chown", "-R", "1", "/d"]
  loki:
    image: grafana/loki:3.1.0
`;

test('variable names inside ${, replacing what is typed', () => {
  const items = complete(base + '  app:\n    image: "x:${LOKI_|"\n');
  assert.deepEqual(items.map((i) => i.label), ['LOKI_TAG', 'LOKI_PASSWORD', 'OTHER']);
  assert.equal(items[0].replaceLength, 'LOKI_'.length);
  assert.equal(items.find((i) => i.label === 'LOKI_PASSWORD')!.detail, '•••••• (masked)');
});

test('service names under depends_on, in list, flow and half-typed forms, never the service itself', () => {
  const list = complete(base + '  app:\n    image: a:1\n    depends_on:\n      - |\n');
  assert.deepEqual(list.map((i) => i.label), ['init', 'loki']);
  assert.equal(list[0].detail, 'run-once init service');
  const flow = complete(base + '  app:\n    image: a:1\n    depends_on: [lo|\n');
  assert.deepEqual(flow.map((i) => i.label), ['init', 'loki']);
  assert.equal(flow[0].replaceLength, 2);
  const self = complete(base.replace('    image: grafana/loki:3.1.0\n', '    depends_on:\n      - |\n'));
  assert.deepEqual(self.map((i) => i.label), ['init']);
});

test('the three conditions after condition:', () => {
  const items = complete(base + '  app:\n    image: a:1\n    depends_on:\n      init:\n        condition: service_c|\n');
  assert.deepEqual(items.map((i) => i.label), ['service_started', 'service_healthy', 'service_completed_successfully']);
  assert.equal(items[0].replaceLength, 'service_c'.length);
});

test('nothing elsewhere', () => {
  assert.deepEqual(complete(base + '  app:\n    image: |\n'), []);
});
