import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Analyzer } from '../analyzer';
import { diskFileSource } from '../workspace/fileSource';
import { fileKind } from '../workspace/fileKinds';
import { readDashboard } from './dashboard';

function fixtureDir(): string {
  let dir = __dirname;
  while (!fs.existsSync(path.join(dir, 'tsconfig.json'))) dir = path.dirname(dir);
  return path.join(dir, 'test', 'fixtures', 'observability-clean');
}

const FILES = [
  'grafana/dashboards/service-overview.json',
  'grafana/dashboards/legacy.json',
  'prometheus/prometheus.yml',
  'prometheus/rules/alerts.yml',
  'promtail/config.yml',
  'loki/loki-3.yaml',
  'loki/loki-2.yaml',
];

test('a realistic stack (nested rows, variables, mixed data sources, Loki 2.x and 3.x) has no findings', () => {
  const analyzer = new Analyzer({ source: diskFileSource, environment: {}, onCheckError: (code, e) => assert.fail(`${code}: ${String(e)}`) });
  for (const rel of FILES) {
    const file = path.join(fixtureDir(), rel);
    assert.notEqual(fileKind(file, fs.readFileSync(file, 'utf8')), undefined, rel);
    const findings = [...analyzer.checkFile(file).values()].flat();
    assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], rel);
  }
});

test('every query of the realistic dashboard is found, in the right language', () => {
  const file = path.join(fixtureDir(), 'grafana/dashboards/service-overview.json');
  const text = fs.readFileSync(file, 'utf8');
  const queries = readDashboard(file, text).queries;
  assert.deepEqual(
    queries.map((q) => [q.where, q.language, q.confident]),
    [
      ['panel "Request rate", query A', 'promql', true],
      ['panel "Latency p99", query A', 'promql', true],
      ['panel "Latency p99", query B', 'promql', true],
      ['panel "Error ratio", query A', 'promql', true],
      ['panel "Log volume", query A', 'logql', true],
      ['panel "Errors", query A', 'logql', true],
      ['panel "Slow requests", query A', 'logql', true],
      ['panel "Mixed", query A', 'promql', true],
      ['panel "Mixed", query B', 'logql', true],
      ['variable "job"', 'promql', false],
      ['variable "instance"', 'promql', false],
      ['variable "service"', 'logql', true],
      ['variable "pods"', 'promql', true],
      ['annotation "Deploys"', 'logql', true],
    ],
  );
  // Each query's text is where the file says it is.
  for (const q of queries) assert.equal(JSON.parse(`"${text.slice(q.toFile(0), q.toFile(q.value.length))}"`), q.value);
  const legacy = readDashboard('legacy.json', fs.readFileSync(path.join(fixtureDir(), 'grafana/dashboards/legacy.json'), 'utf8')).queries;
  assert.deepEqual(legacy.map((q) => [q.where, q.language]), [['panel "Up", query A', 'promql'], ['panel "Logs", query A', 'logql'], ['panel "Load", query A', 'promql']]);
});
