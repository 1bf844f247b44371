import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ComposeCommandError, composeArgv, detectCompose, type ComposeCli } from './composeCommand';
import type { StackInput } from './stackHealth';

const v2: ComposeCli = { argv: ['docker', 'compose'], version: '2.29.1', major: 2 };
const v1: ComposeCli = { argv: ['docker-compose'], version: '1.29.2', major: 1 };
const stack: StackInput = {
  name: 'obs',
  projectName: 'obs',
  projectDirectory: '/w/obs',
  files: ['/w/obs/docker-compose.yml', '/w/obs/docker-compose.observability.yml'],
  services: [],
};
const project = ['-p', 'obs', '--project-directory', '/w/obs', '-f', '/w/obs/docker-compose.yml', '-f', '/w/obs/docker-compose.observability.yml'];

test('stack commands carry the stack own files, directory and project name', () => {
  assert.deepEqual(composeArgv(v2, stack, { verb: 'up' }), ['docker', 'compose', ...project, 'up', '-d']);
  assert.deepEqual(composeArgv(v2, stack, { verb: 'down' }), ['docker', 'compose', ...project, 'down']);
  assert.deepEqual(composeArgv(v2, stack, { verb: 'down', volumes: true }), ['docker', 'compose', ...project, 'down', '-v']);
  assert.deepEqual(composeArgv(v2, stack, { verb: 'restart' }), ['docker', 'compose', ...project, 'restart']);
  assert.deepEqual(composeArgv(v2, stack, { verb: 'pull' }), ['docker', 'compose', ...project, 'pull']);
  assert.deepEqual(composeArgv(v2, stack, { verb: 'logs' }), ['docker', 'compose', ...project, 'logs', '-f', '--tail', '200']);
});

test('service commands; down of one service is rm --stop in v1 and v2', () => {
  assert.deepEqual(composeArgv(v1, stack, { verb: 'up', service: 'loki' }), ['docker-compose', ...project, 'up', '-d', 'loki']);
  assert.deepEqual(composeArgv(v1, stack, { verb: 'down', service: 'loki' }), ['docker-compose', ...project, 'rm', '-s', '-f', 'loki']);
  assert.deepEqual(composeArgv(v2, stack, { verb: 'down', service: 'loki', volumes: true }), ['docker', 'compose', ...project, 'rm', '-s', '-f', '-v', 'loki']);
  assert.deepEqual(composeArgv(v1, stack, { verb: 'restart', service: 'loki' }).slice(-2), ['restart', 'loki']);
  assert.deepEqual(composeArgv(v1, stack, { verb: 'pull', service: 'loki' }).slice(-2), ['pull', 'loki']);
  assert.deepEqual(composeArgv(v1, stack, { verb: 'logs', service: 'loki', follow: false, tail: 50 }).slice(-4), ['logs', '--tail', '50', 'loki']);
});

test('--env-file only when the stack names env files; v1 takes one only', () => {
  assert.ok(!composeArgv(v2, { ...stack, envFiles: [] }, { verb: 'up' }).includes('--env-file'));
  const two = { ...stack, envFiles: ['/w/obs/.env', '/w/obs/prod.env'] };
  assert.deepEqual(composeArgv(v2, two, { verb: 'up' }), ['docker', 'compose', ...project, '--env-file', '/w/obs/.env', '--env-file', '/w/obs/prod.env', 'up', '-d']);
  assert.deepEqual(composeArgv(v1, { ...stack, envFiles: ['/w/obs/prod.env'] }, { verb: 'up' }).slice(-4), ['--env-file', '/w/obs/prod.env', 'up', '-d']);
  assert.throws(() => composeArgv(v1, two, { verb: 'up' }), ComposeCommandError);
});

test('detection prefers v2, falls back to docker-compose, reports none', async () => {
  const runner = (answers: Record<string, string | undefined>) => async (file: string, args: string[]) => answers[[file, ...args].join(' ')];
  assert.deepEqual(await detectCompose(runner({ 'docker compose version': 'Docker Compose version v2.29.1\n', 'docker-compose version': 'docker-compose version 1.29.2' })), v2);
  assert.deepEqual(
    await detectCompose(runner({ 'docker-compose version': 'docker-compose version 1.29.2, build unknown\ndocker-py version: 5.0.3\n' })),
    v1,
  );
  // A standalone v2 binary named docker-compose takes the same options as v2.
  assert.deepEqual(await detectCompose(runner({ 'docker-compose version': 'Docker Compose version v2.24.6' })), { argv: ['docker-compose'], version: '2.24.6', major: 2 });
  assert.equal(await detectCompose(runner({})), undefined);
});
