import { test } from 'node:test';
import assert from 'node:assert/strict';
import { queryHover } from './queryHover';

test('hover on a matcher regex: anchored, with the regex it really runs', () => {
  const text = JSON.stringify({ panels: [{ datasource: { type: 'prometheus' }, targets: [{ refId: 'A', expr: 'up{job=~"api.*"}' }] }] });
  const at = text.indexOf('api');
  const hover = queryHover('/d.json', text, at + 1)!;
  assert.equal(text.slice(hover.span.start, hover.span.end), 'api.*');
  assert.match(hover.markdown, /anchored: matches the whole value \^\(\?s:api\.\*\)\$, i\.e\. values starting with `api`/);
  assert.equal(queryHover('/d.json', text, text.indexOf('up{')), undefined);
});

test('hover on a line filter (not anchored) and on a Promtail stage expression', () => {
  const text = JSON.stringify({ panels: [{ datasource: { type: 'loki' }, targets: [{ expr: '{a="b"} |~ "timeout"' }] }] });
  assert.match(queryHover('/d.json', text, text.indexOf('timeout'))!.markdown, /unanchored: matches if the pattern occurs anywhere/);
  const yaml = "clients: []\nscrape_configs:\n  - job_name: a\n    pipeline_stages:\n      - regex:\n          expression: '^(?P<level>\\w+)'\n";
  const hover = queryHover('/p.yml', yaml, yaml.indexOf('level'))!;
  assert.equal(yaml.slice(hover.span.start, hover.span.end), '^(?P<level>\\w+)');
  assert.match(hover.markdown, /pipeline_stages\[0\]\.regex\.expression/);
});
