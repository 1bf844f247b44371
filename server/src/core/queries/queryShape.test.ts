import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { logqlGrammar, parseLogQL } from './logql';
import { readTree } from './parseTree';
import { parsePromQL, promqlGrammar } from './promql';
import type { QueryGrammar } from './queryParse';
import { shapeKey } from './queryShape';
import { substituteTemplateVariables } from './templateVariables';

test('the shape blanks string contents and keeps everything else', () => {
  assert.equal(shapeKey('rate(x{a="api", b=~`w.*`}[5m])'), 'rate(x{a="xxx", b=~`xxx`}[5m])');
  assert.equal(shapeKey("x{a='', b=\"\"}"), "x{a='', b=\"\"}");
  assert.equal(shapeKey('up'), 'up');
  assert.equal(shapeKey('x{a=~"\\\\d+", b="\\"q\\"", c=`\\d`}'), 'x{a=~"xxxx", b="xxxxx", c=`xx`}');
  for (const unsure of ['x{a="\\d"}', 'x{a="\\x41"}', "x{a='\\\"'}", 'x{a="b\\"}', 'x{a="b', '{a="b"} # "c"', 'x{a="line\nbreak"}']) assert.equal(shapeKey(unsure), undefined, unsure);
});

const findings = (grammar: QueryGrammar, text: string) => readTree(grammar.parse(text), text, grammar.language, grammar.stringNode, grammar.groups);

test('a query and its shape parse to the same findings: what lets queries of one shape share a parse', () => {
  const piece = fc.constantFrom('x', '{', '}', 'a="b"', 'a=~"$v"', '"q"="v"', 'b!=`c`', ',', '(', ')', '[5m]', 'sum by (j)', ' + ', '"', "'", ' |= "e"', ' |~ "f.*"', ' or "h"', ' | json', ' | regexp "(?P<a>x)"', ' | level="w"', ' # c', 'rate(', 'é', '"\\\\d"', '"\\""', '\\', '"\\.x"', "'\\''", '`\\w`', '"\\n\\t"', '"\\101"');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 15 }).map((p) => p.join('')), (expr) => {
      const { text } = substituteTemplateVariables(expr);
      const shape = shapeKey(text);
      if (shape === undefined) return;
      for (const grammar of [promqlGrammar, logqlGrammar]) {
        // A parse is shared only when it has no errors: then the query's own parse must be the same.
        const real = findings(grammar, text);
        const shared = findings(grammar, shape);
        if (real.errors.length === 0 || shared.errors.length === 0) assert.deepEqual(shared, real, `${grammar.language}: ${expr}`);
      }
    }),
    { numRuns: 1000 },
  );
});

test('queries that share a shape still read their own values, variables and errors', () => {
  assert.deepEqual(parsePromQL('up{job="api", env=~"p.*"}').matchers.map((m) => [m.value, m.containsVariable]), [['api', false], ['p.*', false]]);
  assert.deepEqual(parsePromQL('up{job="$ab", env=~"q.?"}').matchers.map((m) => [m.value, m.containsVariable]), [['$ab', true], ['q.?', false]]);
  assert.deepEqual(parseLogQL('{app="web"} |= "timeout"').lineFilters.map((f) => f.value), ['timeout']);
  assert.deepEqual(parseLogQL('{app="api"} |= "refused"').lineFilters.map((f) => f.value), ['refused']);
  assert.equal(parseLogQL('{app="api"} |= "x" |').errors.length, 1);
  assert.equal(parseLogQL('{app="web"} |= "y" |').errors.length, 1);
});
