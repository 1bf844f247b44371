import { test } from 'node:test';
import assert from 'node:assert/strict';
import { testWorkspace } from '../../observability/testWorkspace';

const CODE = 'glob/regex-as-glob';

test('a Promtail __path__ written as a regex, fixed to a glob', () => {
  const text = [
    'clients:',
    '  - url: http://loki:3100/loki/api/v1/push',
    'scrape_configs:',
    '  - job_name: system',
    '    static_configs:',
    '      - targets: [localhost]',
    '        labels:',
    '          job: varlogs',
    '          __path__: "/var/log/(nginx|app)/.*\\\\.log"',
    '',
  ].join('\n');
  const ws = testWorkspace({ 'promtail.yaml': text });
  const [finding] = ws.check('promtail.yaml').filter((f) => f.code === CODE);
  assert.equal(finding.severity, 'warning');
  assert.equal(ws.text(finding), '.*');
  assert.match(finding.message, /^static_configs\[0\]\.labels\.__path__: This looks like a regex/);
  const fixed = ws.apply(finding.fixes![0])['promtail.yaml'];
  assert.match(fixed, /__path__: "\/var\/log\/\{nginx,app\}\/\*\.log"\n/);
  assert.deepEqual(testWorkspace({ 'promtail.yaml': fixed }).check('promtail.yaml'), []);
});

test('silent on globs', () => {
  const text = 'clients:\n  - url: http://loki:3100\nscrape_configs:\n  - job_name: s\n    static_configs:\n      - labels:\n          __path__: /var/log/**/*.log\n          __path_exclude__: /var/log/{a,b}.log\n';
  assert.deepEqual(testWorkspace({ 'promtail.yaml': text }).check('promtail.yaml'), []);
});
