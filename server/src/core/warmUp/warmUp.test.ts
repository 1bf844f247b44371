import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Analyzer } from '../analyzer';
import { fileKind } from '../workspace/fileKinds';
import { memoryFileSource } from '../workspace/fileSource';
import { alloySample } from './alloySample';
import { composeSample } from './composeSample';
import { dashboardSample } from './dashboardSample';
import { warmUpSteps, workspaceLanguages } from './warmUp';

test('the languages of a workspace come from its file names, dependencies and dot folders left out', () => {
  const source = memoryFileSource({
    '/ws/docker-compose.yml': 'services: {}\n',
    '/ws/alloy/config.alloy': '',
    '/ws/node_modules/pkg/dashboard.json': '{}',
    '/ws/.git/hooks/x.alloy': '',
  });
  assert.deepEqual([...workspaceLanguages(['/ws'], source)].sort(), ['alloy', 'compose']);
  assert.deepEqual([...workspaceLanguages(['/ws/alloy'], source)], ['alloy']);
  assert.deepEqual([...workspaceLanguages(['/elsewhere'], source)], []);
});

test('JSON and YAML files beside a stack bring the query languages in', () => {
  const source = memoryFileSource({ '/ws/grafana/dashboards/services.json': '{}', '/ws/prometheus.yml': '' });
  assert.deepEqual([...workspaceLanguages(['/ws'], source)], ['queries']);
});

test('the warm-up samples are clean files of their language, so warming up runs the path a real file takes', () => {
  const samples = { ...composeSample, ...alloySample, ...dashboardSample };
  const analyzer = new Analyzer({ source: memoryFileSource(samples), environment: {} });
  for (const [file, text] of Object.entries(samples)) {
    assert.ok(fileKind(file, text), `${file} is recognised`);
    const findings = [...analyzer.checkFile(file).values()].flat();
    assert.deepEqual(findings.map((f) => `${f.code}: ${f.message}`), [], file);
  }
});

test('warming up checks each sample of the languages asked for, and nothing else', () => {
  assert.equal(warmUpSteps([]).length, 0);
  const steps = warmUpSteps(['compose', 'alloy']);
  assert.equal(steps.length, warmUpSteps(['compose']).length + warmUpSteps(['alloy']).length);
  for (const step of steps) step();
});
