import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spanText, withCode, workspace } from '../../testing/stackFixture';

const CODE = 'compose/invalid-interpolation';

test('a $ expression compose cannot parse is an error, fixed by escaping it', () => {
  const ws = workspace({ 'docker-compose.yml': 'services:\n  a:\n    image: x:1\n    command: "echo ${ not valid}"\n' });
  const [finding] = withCode(ws.check(), CODE);
  assert.equal(finding.severity, 'error');
  assert.equal(spanText(ws, finding).startsWith('${'), true);
  assert.match(finding.message, /invalid interpolation format.*escape any \$ with another \$/);
  const fixed = ws.apply(finding.fixes![0])['docker-compose.yml'];
  assert.match(fixed, /echo \$\$\{ not valid\}/);
  assert.deepEqual(withCode(workspace({ 'docker-compose.yml': fixed }).check(), CODE), []);
});

test('valid forms and literal dollars are silent', () => {
  const ws = workspace({ 'docker-compose.yml': 'services:\n  a:\n    image: x:1\n    command: ["sh", "-c", "echo $$HOME ${A:-x} $1 $ ${B-}"]\n' });
  assert.deepEqual(withCode(ws.check(), CODE), []);
});
