import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dashboardJson, LOKI, PROMETHEUS, testWorkspace } from '../../observability/testWorkspace';

const CODE = 'regex/invalid-re2';

test('regexes RE2 rejects in matchers, line filters and regexp stages, with RE2 reason', () => {
  const ws = testWorkspace({
    'dash.json': dashboardJson([
      { title: 'P', datasource: PROMETHEUS, targets: [{ refId: 'A', expr: 'up{job=~"(?!test).*"}' }] },
      { title: 'L', datasource: LOKI, targets: [{ refId: 'B', expr: '{app="api"} |~ "(a)\\\\1" | regexp "(?<=x)y"' }] },
    ]),
  });
  const findings = ws.check('dash.json').filter((f) => f.code === CODE);
  assert.deepEqual(findings.map((f) => f.message), [
    'panel "P", query A, matcher `job=~`: error parsing regexp: invalid or unsupported Perl syntax: `(?!`',
    'panel "L", query B, line filter `|~`: error parsing regexp: invalid escape sequence: `\\1`',
    'panel "L", query B, `regexp` stage: error parsing regexp: invalid named capture: `(?<=x)y`',
  ]);
  assert.ok(findings.every((f) => f.severity === 'error'));
  assert.equal(ws.text(findings[0]), '(?!');
  // `\1` is `\\1` in LogQL and `\\\\1` in the JSON file.
  assert.equal(ws.text(findings[1]), '\\\\\\\\1');
});

test('a glob written as a line-filter regex gets the regex as a fix', () => {
  const ws = testWorkspace({ 'dash.json': dashboardJson([{ title: 'L', datasource: LOKI, targets: [{ expr: '{app="api"} |~ "*.log"' }] }]) });
  const [finding] = ws.check('dash.json').filter((f) => f.code === CODE);
  assert.match(finding.message, /missing argument to repetition operator/);
  const files = ws.apply(finding.fixes![0]);
  assert.equal(JSON.parse(files['dash.json']).panels[0].targets[0].expr, '{app="api"} |~ ".*\\\\.log"');
  assert.deepEqual(testWorkspace(files).check('dash.json'), []);
});

test('relabel regexes in prometheus.yml and pipeline expressions in Promtail', () => {
  const ws = testWorkspace({
    'prometheus.yml': 'scrape_configs:\n  - job_name: node\n    relabel_configs:\n      - source_labels: [__address__]\n        regex: "(?P<host>[^:]+)(?=:)"\n        target_label: host\n',
    'promtail.yml': 'clients:\n  - url: http://loki:3100/loki/api/v1/push\nscrape_configs:\n  - job_name: app\n    pipeline_stages:\n      - regex:\n          expression: \'^(?P<ts>\\S+) (?P<level>\\w+)(?<!x)\'\n',
  });
  const [relabel] = ws.check('prometheus.yml').filter((f) => f.code === CODE);
  assert.match(relabel.message, /^scrape_configs "node" relabel_configs\[0\]\.regex: error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`/);
  assert.equal(ws.text(relabel), '(?=');
  const [stage] = ws.check('promtail.yml').filter((f) => f.code === CODE);
  assert.match(stage.message, /pipeline_stages\[0\]\.regex\.expression: error parsing regexp: invalid named capture/);
});

test('silent on valid RE2 (named groups, flags) and on values with template variables', () => {
  const ws = testWorkspace({
    'dash.json': dashboardJson([
      { title: 'L', datasource: LOKI, targets: [{ expr: '{app=~"$app"} |~ "(?i)error|(?P<code>5\\\\d\\\\d)" | regexp "(?<ip>\\\\S+)"' }, { expr: '{app="a"} |~ "$filter(x"' }] },
    ]),
  });
  assert.deepEqual(ws.check('dash.json'), []);
});
