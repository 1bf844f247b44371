import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileKind } from './fileKinds';

test('YAML with a top-level services mapping is compose; a CI services list is not', () => {
  assert.equal(fileKind('/x/stack.yml', 'version: "3"\nservices:\n  # db first\n\n  db:\n    image: postgres:16\n'), 'compose');
  assert.equal(fileKind('/x/stack.yml', 'services: {}\n'), 'compose');
  assert.equal(fileKind('/x/.travis.yml', 'language: go\nservices:\n  - docker\nenv:\n  global:\n    - COMMIT=${TRAVIS_COMMIT::8}\n'), undefined);
  assert.equal(fileKind('/x/.gitlab-ci.yml', 'services:\n- postgres:16\n'), undefined);
  assert.equal(fileKind('/x/docker-compose.prod.yml'), 'compose');
  assert.equal(fileKind('/x/.env.observability'), 'dotenv');
  assert.equal(fileKind('/x/config.alloy'), 'alloy');
});
