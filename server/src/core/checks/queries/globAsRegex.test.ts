import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardJson, PROMETHEUS, testWorkspace } from '../../observability/testWorkspace';

const CODE = 'regex/glob-as-regex';

test('an anchored matcher regex written as a glob, fixed in place', () => {
  const ws = testWorkspace({ 'dash.json': dashboardJson([{ title: 'P', datasource: PROMETHEUS, targets: [{ refId: 'A', expr: 'up{job=~"app-*"}' }] }]) });
  const [finding] = ws.check('dash.json').filter((f) => f.code === CODE);
  assert.equal(ws.text(finding), '*');
  assert.match(finding.message, /^panel "P", query A, matcher `job=~`: `\*` repeats only the `-` before it/);
  const files = ws.apply(finding.fixes![0]);
  assert.equal(JSON.parse(files['dash.json']).panels[0].targets[0].expr, 'up{job=~"app-.*"}');
  assert.deepEqual(testWorkspace(files).check('dash.json'), []);
});

test('a relabel regex written as a glob in prometheus.yml, each YAML quoting fixed in its own style', () => {
  const text = [
    'scrape_configs:',
    '  - job_name: docker',
    '    relabel_configs:',
    '      - source_labels: [__meta_docker_container_name]',
    '        regex: /web-*',
    '        action: keep',
    "      - regex: 'db-*'",
    '        action: drop',
    '',
  ].join('\n');
  const ws = testWorkspace({ 'prometheus.yml': text });
  const findings = ws.check('prometheus.yml').filter((f) => f.code === CODE);
  assert.equal(findings.length, 2);
  const files = ws.apply(findings[0].fixes![0]);
  assert.match(files['prometheus.yml'], /regex: \/web-\.\*\n/);
  assert.match(ws.apply(findings[1].fixes![0])['prometheus.yml'], /regex: 'db-\.\*'\n/);
});

test('a relabel regex in a block scalar is fixed on its line, the line break kept', () => {
  const text = 'scrape_configs:\n  - job_name: x\n    relabel_configs:\n      - regex: |-\n          app-*\n        action: keep\n';
  const ws = testWorkspace({ 'prometheus.yml': text });
  const [finding] = ws.check('prometheus.yml').filter((f) => f.code === CODE);
  assert.equal(ws.text(finding), '*');
  const fixed = ws.apply(finding.fixes![0])['prometheus.yml'];
  assert.equal(fixed, text.replace('app-*', 'app-.*'));
});

test('silent on unanchored line filters and on real regexes', () => {
  const ws = testWorkspace({
    'dash.json': dashboardJson([{ title: 'P', datasource: PROMETHEUS, targets: [{ expr: 'up{job=~"app-.*|db"}' }, { expr: 'up{job=~"a+"}' }] }]),
    'prometheus.yml': 'scrape_configs:\n  - job_name: x\n    relabel_configs:\n      - regex: (.*):\\d+\n        action: replace\n        target_label: host\n',
  });
  assert.deepEqual(ws.check('dash.json'), []);
  assert.deepEqual(ws.check('prometheus.yml'), []);
});
