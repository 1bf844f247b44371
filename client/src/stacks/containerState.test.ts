import { test } from 'node:test';
import assert from 'node:assert/strict';
import { containerState, type ContainerInspectData } from './containerState';

const inspect = (state: ContainerInspectData['State'], restartCount = 0): ContainerInspectData => ({ Id: 'c1', RestartCount: restartCount, State: state });
const label = (data: ContainerInspectData | undefined, runOnce = false) => containerState(data, runOnce).label;

test('running containers: plain, and by healthcheck status', () => {
  assert.equal(label(inspect({ Status: 'running' })), 'running');
  assert.equal(label(inspect({ Status: 'running', Health: { Status: 'starting', Log: [] } })), 'starting');
  assert.equal(label(inspect({ Status: 'running', Health: { Status: 'healthy', Log: [] } })), 'healthy');
  assert.equal(label(inspect({ Status: 'running', Health: { Status: 'unhealthy', Log: null } })), 'unhealthy');
  // A run-once service still doing its work is simply running.
  assert.equal(label(inspect({ Status: 'running' }), true), 'running');
});

test('unhealthy carries the last healthcheck output for the tooltip', () => {
  const state = containerState(
    inspect({
      Status: 'running',
      Health: { Status: 'unhealthy', Log: [{ ExitCode: 0, Output: 'ok\n' }, { ExitCode: 1, Output: 'wget: server returned error: HTTP/1.1 503\n' }] },
    }),
    false,
  );
  assert.deepEqual([state.kind, state.severity, state.healthOutput], ['unhealthy', 'error', 'wget: server returned error: HTTP/1.1 503']);
  const long = containerState(inspect({ Status: 'running', Health: { Status: 'unhealthy', Log: [{ Output: 'x'.repeat(2000) }] } }), false);
  assert.equal(long.healthOutput?.length, 501);
});

test('exit 0: completed (a success) for run-once services, exited for long-running ones', () => {
  const completed = containerState(inspect({ Status: 'exited', ExitCode: 0 }), true);
  assert.deepEqual([completed.label, completed.severity], ['completed', 'ok']);
  const exited = containerState(inspect({ Status: 'exited', ExitCode: 0 }), false);
  assert.deepEqual([exited.label, exited.severity], ['exited', 'warning']);
});

test('non-zero exit: failed with the code, run-once or not; out of memory said so', () => {
  assert.equal(label(inspect({ Status: 'exited', ExitCode: 3 }), true), 'failed (exit 3)');
  assert.equal(label(inspect({ Status: 'exited', ExitCode: 3 }), false), 'failed (exit 3)');
  assert.equal(label(inspect({ Status: 'exited', ExitCode: 137, OOMKilled: true })), 'failed (exit 137, out of memory)');
  assert.equal(containerState(inspect({ Status: 'exited', ExitCode: 1 }), true).severity, 'error');
});

test('restarting counts restarts; created, paused, dead; no container is not created', () => {
  assert.equal(label(inspect({ Status: 'restarting', ExitCode: 1 }, 4)), 'restarting (4 restarts)');
  assert.equal(label(inspect({ Status: 'restarting', ExitCode: 1 }, 1)), 'restarting (1 restart)');
  assert.equal(containerState(inspect({ Status: 'restarting' }, 4), false).restartCount, 4);
  assert.equal(label(inspect({ Status: 'created' })), 'created');
  assert.equal(label(inspect({ Status: 'paused' })), 'paused');
  assert.equal(label(inspect({ Status: 'dead' })), 'dead');
  assert.equal(label(undefined), 'not created');
  assert.equal(label(undefined, true), 'not created');
});
