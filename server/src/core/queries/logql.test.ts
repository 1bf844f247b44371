import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseLogQL } from './logql';

test('stream selectors, label filters and line filters from real dashboard queries', () => {
  const parsed = parseLogQL('{namespace="$namespace", app=~"$app"} |= "$search" != `healthz` |~ "(?i)err(or)?" | logfmt | level=~"$level" | status >= 500');
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(
    parsed.matchers.map((m) => [m.label, m.op, m.value, m.context, m.containsVariable]),
    [
      ['namespace', '=', '$namespace', 'logql-stream-selector', true],
      ['app', '=~', '$app', 'logql-stream-selector', true],
      ['level', '=~', '$level', 'logql-label-filter', true],
    ],
  );
  assert.deepEqual(
    parsed.lineFilters.map((f) => [f.op, f.value, f.isRegex, f.anchoring, f.containsVariable]),
    [
      ['|=', '$search', false, 'unanchored', true],
      ['!=', 'healthz', false, 'unanchored', false],
      ['|~', '(?i)err(or)?', true, 'unanchored', false],
    ],
  );
  assert.deepEqual(parsed.variables.map((v) => v.name), ['namespace', 'app', 'search', 'level']);
});

test('metric queries, `or` filters, regexp and pattern stages', () => {
  const expr = 'sum by (level) (count_over_time({job=~".+"} |= "a" or "b" | regexp `(?P<ip>\\S+) (?P<code>\\d+)` | pattern "<_> <path>" | drop x="y" [$__auto]))';
  const parsed = parseLogQL(expr);
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(parsed.lineFilters.map((f) => [f.op, f.value, f.isRegex]), [
    ['|=', 'a', false],
    ['|=', 'b', false],
    ['regexp', '(?P<ip>\\S+) (?P<code>\\d+)', true],
    ['pattern', '<_> <path>', false],
  ]);
  const regexp = parsed.lineFilters[2];
  assert.equal(expr.slice(regexp.opSpan.start, regexp.opSpan.end), 'regexp');
  assert.equal(expr.slice(regexp.valueSpan.start, regexp.valueSpan.end), '`(?P<ip>\\S+) (?P<code>\\d+)`');
  assert.deepEqual(parsed.matchers.map((m) => [m.label, m.context]), [['job', 'logql-stream-selector'], ['x', 'logql-label-filter']]);
  assert.deepEqual(parseLogQL('{a="b"} |> "<_> GET <_>" !> "<_> 200"').lineFilters.map((f) => f.op), ['|>', '!>']);
  assert.deepEqual(parseLogQL('{a="b"} |= ip("10.0.0.0/8")').lineFilters, []);
});

test('a regex line filter value maps back into the original, escapes included', () => {
  const expr = '{a="b"} |~ "x\\\\.y*"';
  const [filter] = parseLogQL(expr).lineFilters;
  assert.equal(filter.value, 'x\\.y*');
  assert.equal(expr.slice(filter.valueToOriginal(4), filter.valueToOriginal(5)), '*');
});

test('LogQL syntax errors', () => {
  const cases: Array<[string, string, string]> = [
    ['{a="b" |= "x"', '|=', 'unexpected `|=`'],
    ['{a=~"\\d"}', '\\d', 'invalid char escape `\\d`'],
    ['rate({a="b"}[5m]', '', 'expected `)`'],
    ['{a="b"} |= "x', '"x', 'unterminated quoted string'],
  ];
  for (const [expr, at, message] of cases) {
    const [error] = parseLogQL(expr).errors;
    assert.ok(error, expr);
    assert.equal(expr.slice(error.span.start, error.span.end), at, expr);
    assert.equal(error.message, message, expr);
  }
});

test('parseLogQL never throws and keeps spans inside the expression', () => {
  const piece = fc.constantFrom('{', '}', 'a="b"', 'a=~"$v"', ',', ' |= "x"', ' |~ `y`', ' | json', ' | regexp "z"', '[$__auto]', 'rate(', ')', ' or ', '"');
  fc.assert(
    fc.property(fc.oneof(fc.string(), fc.array(piece, { maxLength: 15 }).map((p) => p.join(''))), (expr) => {
      const parsed = parseLogQL(expr);
      const spans = [...parsed.errors.map((e) => e.span), ...parsed.matchers.map((m) => m.valueSpan), ...parsed.lineFilters.flatMap((f) => [f.opSpan, f.valueSpan])];
      for (const s of spans) assert.ok(s.start >= 0 && s.start <= s.end && s.end <= expr.length);
    }),
    { numRuns: 500 },
  );
});
