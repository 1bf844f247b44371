import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isFromWebview, toViewLines } from './messages';
import { escapeHtml, panelHtml } from './panelHtml';

test('the page: a CSP allowing only its nonce, nothing remote, the title escaped', () => {
  const html = panelHtml('abc123', 'Logs: <obs> & "loki"');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /script-src 'nonce-abc123'/);
  assert.match(csp, /style-src 'nonce-abc123'/);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|https?:/);
  assert.doesNotMatch(html, /(src|href)=["']?(https?:)?\/\//, 'no remote resources');
  assert.equal(html.match(/<script/g)?.length, 1);
  assert.match(html, /<script nonce="abc123">/);
  assert.match(html, /<title>Logs: &lt;obs&gt; &amp; &quot;loki&quot;<\/title>/);
  assert.doesNotMatch(html, /innerHTML/, 'lines are set with textContent');
  assert.equal(escapeHtml(`<img src=x onerror='1'>`), '&lt;img src=x onerror=&#39;1&#39;&gt;');
});

test('view lines: level, JSON objects marked expandable, the source only when several streams', () => {
  const ns = BigInt(Date.UTC(2024, 4, 1, 10, 0, 0, 123)) * 1_000_000n;
  const lines = toViewLines(
    [
      { ns, labels: { container: '/obs-loki-1', stream: 'stderr' }, line: 'level=error msg="boom"' },
      { ns, labels: { service: 'alloy' }, line: '{"level":"warn","msg":"slow"}' },
      { ns, labels: {}, line: '<b>not html</b>' },
    ],
    true,
  );
  assert.deepEqual(lines.map((l) => [l.level, l.json, l.source, l.text]), [
    ['error', false, 'obs-loki-1', 'level=error msg="boom"'],
    ['warn', true, 'alloy', '{"level":"warn","msg":"slow"}'],
    ['unknown', false, undefined, '<b>not html</b>'],
  ]);
  assert.match(lines[0].time, /^\d\d:\d\d:\d\d\.123$/);
  assert.equal(toViewLines([{ ns, labels: { service: 'a' }, line: 'x' }], false)[0].source, undefined);
});

test('messages from the webview are checked before use', () => {
  assert.ok(isFromWebview({ type: 'ready' }));
  assert.ok(isFromWebview({ type: 'run', query: '{a="b"}', lineFilter: '' }));
  assert.ok(!isFromWebview({ type: 'run', query: 1 }));
  assert.ok(!isFromWebview(undefined));
});
