import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findGlobAsRegex, findGlobAsRegexInTokens, findRegexAsGlob, onlyDotStars } from './globHints';

// Real regexes from the Prometheus and Alloy docs, kube-prometheus/cAdvisor relabel rules and
// Grafana dashboards: every one must stay silent, anchored and unanchored.
const REAL_REGEXES = [
  'go_gc_duration_seconds.*', '(foo|bar)_.*', '^[a-z]*$', 'https?://.*', '\\d*', '.*', '[^/]*', 'a.b*', 'a*b', 'x*',
  '(.*)', '__meta_kubernetes_pod_label_(.+)', '__meta_kubernetes_service_label_(.+)', 'true', '([^:]+)(?::\\d+)?;(\\d+)',
  '(https?)', 'node_cpu_seconds_total|node_memory_.*', 'container_(network_tcp_usage_total|tasks_state|cpu_load_average_10s)',
  'go_.*|process_.*', 'apiserver_request_duration_seconds_bucket', '(.*):.*', '/(.*)', '__meta_docker_container_label_(.+)',
  'kube-system|monitoring', 'Running', '[0-9]+', '(?i)error', '.*error.*', '5..', '[45]..', 'api-server-[0-9]+',
  '(\\d+\\.\\d+\\.\\d+\\.\\d+):.*', '^/var/log/.*\\.log$', '.+', '', '.*-canary', 'default/.*', '(.*)@(.*)', 'container_fs_.*',
  '[a-zA-Z_][a-zA-Z0-9_]*', 'a+b*', '(?s).*', '\\s*', 'info|warn|error', 'prometheus-k8s-.*', 'cadvisor|kubelet',
  '10\\.0\\..*', 'a|b|c', '(kube_pod_.*|kube_node_.*)', '.*/.*', 'x-.*', 'a*', 'ab?c*', '\\w+@\\w+\\.com', '(a|b)*',
  'foo.bar*', '[[:alpha:]]*', '\\Qa*\\E', 'x{2,}y*', 'a*?', 'kube_(.*)_total', '(?P<pod>[^-]+)-.*',
];

test('real regexes get no glob hint, anchored or not', () => {
  assert.ok(REAL_REGEXES.length >= 40);
  for (const r of REAL_REGEXES) {
    for (const anchoring of ['anchored', 'unanchored'] as const) {
      assert.equal(findGlobAsRegex(r, anchoring), undefined, `${anchoring} ${r}`);
    }
  }
});

test('a trailing glob star in anchored plain text is flagged at the star, with the regex to use', () => {
  const cases: Array<[string, number, string]> = [
    ['/dark_tower_*', 12, '/dark_tower_.*'],
    ['app-*', 4, 'app-.*'],
    ['dark_tower_ac*', 13, 'dark_tower_ac.*'],
    ['app_*', 4, 'app_.*'],
    ['kube_*_total', 5, 'kube_.*_total'],
    ['app-*|web-*', 4, 'app-.*|web-.*'],
    ['a{b-*', 4, 'a\\{b-.*'],
  ];
  for (const [pattern, at, suggestion] of cases) {
    const hint = findGlobAsRegex(pattern, 'anchored');
    assert.ok(hint, pattern);
    assert.deepEqual(hint.span, { start: at, end: at + 1 }, pattern);
    assert.equal(hint.suggestion, suggestion, pattern);
  }
  const hint = findGlobAsRegex('dark_tower_ac*', 'anchored');
  assert.match(hint!.message, /repeats only the `c`.*\^\(\?s:dark_tower_ac\*\)\$.*does not match `dark_tower_acx1`/);
});

test('unanchored contexts only flag the stars RE2 rejects', () => {
  assert.equal(findGlobAsRegex('app_*', 'unanchored'), undefined);
  const hint = findGlobAsRegex('*error*', 'unanchored');
  assert.deepEqual(hint?.span, { start: 0, end: 1 });
  assert.equal(hint?.suggestion, '.*error.*');
});

test('a star with nothing to repeat says RE2 rejects it, and reads the rest as a glob when it can', () => {
  const cases: Array<[string, number, string]> = [
    ['*.log', 0, '.*\\.log'],
    ['*', 0, '.*'],
    ['(*a)', 1, '(.*a)'],
    ['a|*b', 2, 'a|.*b'],
    ['a**', 2, 'a.*'],
    ['(?i)*x', 4, '(?i).*x'],
    ['*.example.com|*.test', 0, '.*\\.example\\.com|.*\\.test'],
  ];
  for (const [pattern, at, suggestion] of cases) {
    const hint = findGlobAsRegex(pattern, 'anchored');
    assert.ok(hint, pattern);
    assert.equal(hint.span.start, at, pattern);
    assert.equal(hint.suggestion, suggestion, pattern);
    assert.match(hint.message, /RE2 rejects it \(missing argument to repetition operator\)/);
  }
});

test('regexes in a glob field are flagged with the glob they mean', () => {
  const cases: Array<[string, string, string | undefined]> = [
    ['/var/log/.*\\.log', '.*', '/var/log/*.log'],
    ['^/var/log/app\\.log$', '\\.', '/var/log/app.log'],
    ['/var/log/(nginx|apache)/*.log', '(nginx|apache)', '/var/log/{nginx,apache}/*.log'],
    ['/var/log/.+', '.+', '/var/log/?*'],
    ['/var/log/app.log$', '$', '/var/log/app.log'],
    ['/var/log/[a-z]+/x.log', ']+', undefined],
    ['.*', '.*', '*'],
    ['/var/log/.*/a.*\\.log', '.*', '/var/log/*/a*.log'],
  ];
  for (const [glob, flagged, suggestion] of cases) {
    const hint = findRegexAsGlob(glob);
    assert.ok(hint, glob);
    assert.equal(glob.slice(hint.span.start, hint.span.end), flagged, glob);
    assert.equal(hint.suggestion, suggestion, glob);
  }
});

test('real globs get no regex hint', () => {
  const globs = [
    '/var/log/**/*.log', '/var/log/{a,b}/*.log', '/var/log/[abc].log', '/var/log/*.*', '/var/log/app.*',
    '/var/lib/docker/containers/*/*.log', 'C:\\logs\\*.log', '/var/log/pods/*/*/*.log', '/var/log/syslog',
    '/tmp/a+b/x.log', '/var/log/[!.]*.log', '/var/log/app-?.log', '/srv/$HOME/x.log',
  ];
  for (const g of globs) assert.equal(findRegexAsGlob(g), undefined, g);
});

test('the detectors never throw', () => {
  fc.assert(
    fc.property(fc.string({ unit: fc.constantFrom(...'ab*.?+()[]{}|^$\\/-_,:'.split('')) }), (s) => {
      findGlobAsRegex(s, 'anchored');
      findGlobAsRegex(s, 'unanchored');
      findRegexAsGlob(s);
    }),
    { numRuns: 2000 },
  );
  fc.assert(fc.property(fc.string(), (s) => void findGlobAsRegex(s, 'anchored')));
});

test('patterns whose stars all follow a plain dot get no hint without tokenizing, as the tokens would say', () => {
  assert.equal(findGlobAsRegex('svc-4-0:.*', 'anchored'), undefined);
  const piece = fc.constantFrom('a', '-', ':', '.', '.*', '*', '|', '(', ')', '?', '+', '(?i)', '[', ']', '\\', '\\Q', '\\E', '{2}', '^', '$');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), fc.constantFrom('anchored' as const, 'unanchored' as const), (pattern, anchoring) => {
      if (onlyDotStars(pattern)) assert.equal(findGlobAsRegexInTokens(pattern, anchoring), undefined, pattern);
      assert.deepEqual(findGlobAsRegex(pattern, anchoring), findGlobAsRegexInTokens(pattern, anchoring), pattern);
    }),
    { numRuns: 3000 },
  );
});
