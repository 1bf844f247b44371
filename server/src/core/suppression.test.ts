import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withCode, workspace } from './testing/stackFixture';

const compose = (directive: string) => `${directive}services:
  init:
    image: busybox:1.36
    command: ["chown", "-R", "1", "/d"]
  app:
    image: app
    # stacklens-disable-next-line compose/depends-on-init-condition
    depends_on: [init]
  other:
    image: other:1
    depends_on: [init]
`;

test('disable-next-line silences that code on the next line only', () => {
  const findings = workspace({ 'docker-compose.yml': compose('') }).check();
  assert.equal(withCode(findings, 'compose/depends-on-init-condition').length, 1);
  assert.equal(withCode(findings, 'compose/unpinned-image').length, 1);
});

test('a file-wide disable, for one code or for all', () => {
  const one = workspace({ 'docker-compose.yml': compose('# stacklens-disable compose/unpinned-image\n') }).check();
  assert.equal(withCode(one, 'compose/unpinned-image').length, 0);
  assert.equal(withCode(one, 'compose/depends-on-init-condition').length, 1);
  assert.deepEqual(workspace({ 'docker-compose.yml': compose('# stacklens-disable\n') }).check(), []);
});

test('the same comments work in .env files', () => {
  const findings = workspace({ '.env': '# stacklens-disable-next-line dotenv/duplicate-key\nA=1\nA=2\n' }).check('.env');
  assert.deepEqual(findings, []);
});
