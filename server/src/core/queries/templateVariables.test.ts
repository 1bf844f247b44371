import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { substituteTemplateVariables, touchesVariable } from './templateVariables';

test('each variable form gets a placeholder fit for where it stands, of the same length', () => {
  const cases: Array<[string, string, string[]]> = [
    ['up{job=~"$job"}', 'up{job=~"xxxx"}', ['job']],
    ['up{i=~"${instance:regex}"}', 'up{i=~"xxxxxxxxxxxxxxxxx"}', ['instance']],
    ['up{i=~"${a:pipe}|${b}"}', 'up{i=~"xxxxxxxxx|xxxx"}', ['a', 'b']],
    ['rate(x[$__rate_interval])', 'rate(x[000000000000001s])', ['__rate_interval']],
    ['rate(x[$__interval:$__interval])', 'rate(x[0000000001s:0000000001s])', ['__interval', '__interval']],
    ['x[${n}m]', 'x[0001m]', ['n']],
    ['x offset $off', 'x offset 001s', ['off']],
    ['x @ ${__from:date:seconds}', 'x @ 0000000000000000000001', ['__from']],
    ['topk($k, x) > $thr', 'topk(01, x) > 0001', ['k', 'thr']],
    ['x * $__range_s', 'x * 0000000001', ['__range_s']],
    ['sum by ($label, b) (x)', 'sum by (______, b) (x)', ['label']],
    ['a * on(${l}) group_left b', 'a * on(____) group_left b', ['l']],
    ['$metric{a="b"}', '_______{a="b"}', ['metric']],
    ['node_${fs}_bytes', 'node_______bytes', ['fs']],
    ['{$label="x"}', '{______="x"}', ['label']],
    ['[[metric]]{job="[[job]]"}', '__________{job="xxxxxxx"}', ['metric', 'job']],
    ['x{a="${__user.login}"}', 'x{a="xxxxxxxxxxxxxxx"}', ['__user']],
    ['count_over_time({a="b"}[$__auto])', 'count_over_time({a="b"}[000001s])', ['__auto']],
    ['x / $__interval_ms', 'x / 00000000000001', ['__interval_ms']],
  ];
  for (const [expr, text, names] of cases) {
    const result = substituteTemplateVariables(expr);
    assert.equal(result.text, text, expr);
    assert.deepEqual(result.variables.map((v) => v.name), names, expr);
  }
});

test('variables report their span and format', () => {
  const { variables } = substituteTemplateVariables('a{b=~"${x:regex}", c="$y"} [[z:raw]]');
  assert.deepEqual(variables, [
    { name: 'x', format: 'regex', span: { start: 6, end: 16 } },
    { name: 'y', span: { start: 22, end: 24 } },
    { name: 'z', format: 'raw', span: { start: 27, end: 36 } },
  ]);
  assert.equal(touchesVariable(variables, { start: 16, end: 17 }), true);
  assert.equal(touchesVariable(variables, { start: 17, end: 19 }), false);
});

test('dollars that are not variables stay as they are', () => {
  for (const expr of ['label_replace(up, "a", "$1-${2}", "b", "(.*)")', 'x{a=~"^foo$"}', 'x{a=~"(a|b)$"}', '$', 'a$ b', '[[', '${}', '$ x']) {
    const result = substituteTemplateVariables(expr);
    assert.equal(result.text, expr, expr);
    assert.deepEqual(result.variables, [], expr);
  }
});

test('an escaped quote does not end the string a variable stands in', () => {
  assert.equal(substituteTemplateVariables('x{a="\\"$v"}').text, 'x{a="\\"xx"}');
});

test('substitution never throws, keeps the length, and changes only variable spans', () => {
  const piece = fc.constantFrom('$a', '${b}', '${c:regex}', '[[d]]', '$__interval', '"', '[', ']', '(', ')', '{', '}', ' by ', 'x', '=', ',', '\\', '`', '1m', 'offset ', '@ ');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 20 }).map((p) => p.join('')), (expr) => {
      const { text, variables } = substituteTemplateVariables(expr);
      assert.equal(text.length, expr.length);
      let previousEnd = 0;
      for (const v of variables) {
        assert.ok(v.span.start >= previousEnd && v.span.end > v.span.start && v.span.end <= expr.length);
        assert.equal(text.slice(previousEnd, v.span.start), expr.slice(previousEnd, v.span.start));
        previousEnd = v.span.end;
      }
      assert.equal(text.slice(previousEnd), expr.slice(previousEnd));
    }),
    { numRuns: 1000 },
  );
  fc.assert(fc.property(fc.string(), (s) => assert.equal(substituteTemplateVariables(s).text.length, s.length)));
});
