import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StackInfo } from '../../../server/src/protocol/stacks';
import { summarize, type StackHealth } from './stackHealth';
import { activeStack, statusText } from './statusText';

const stack = (name: string, dir: string, files = [`${dir}/docker-compose.yml`], envFiles: string[] = []): StackInfo => ({
  name, projectName: name, projectDirectory: dir, files, envFiles, services: [],
});
const obs = stack('obs', '/w/obs');
const app = stack('app', '/w', ['/w/docker-compose.yml', '/w/docker-compose.observability.yml'], ['/w/prod.env']);

test('the active stack: the one whose files hold the edited file, else by directory, else the first', () => {
  assert.equal(activeStack([obs, app], '/w/docker-compose.observability.yml'), app);
  assert.equal(activeStack([obs, app], '/w/prod.env'), app);
  assert.equal(activeStack([app, obs], '/w/obs/alloy/config.alloy'), obs, 'the deepest directory wins');
  assert.equal(activeStack([obs, app], '/elsewhere/x.yml'), obs);
  assert.equal(activeStack([obs, app], undefined), obs);
  assert.equal(activeStack([], '/w/x'), undefined);
});

test('status text: `$(layers) obs: <summary>`, or why there is none', () => {
  const health: StackHealth = {
    name: 'obs', projectName: 'obs', orphans: [],
    services: [
      { name: 'init', runOnce: true, containers: [], state: { kind: 'completed', label: 'completed', severity: 'ok' } },
      { name: 'loki', runOnce: false, containers: [], state: { kind: 'healthy', label: 'healthy', severity: 'ok' } },
    ],
    summary: summarize([
      { name: 'init', runOnce: true, containers: [], state: { kind: 'completed', label: 'completed', severity: 'ok' } },
      { name: 'loki', runOnce: false, containers: [], state: { kind: 'healthy', label: 'healthy', severity: 'ok' } },
    ]),
  };
  assert.deepEqual(statusText(obs, health, 'following').text, '$(layers) obs: 1/1 healthy, 1 init completed');
  assert.equal(statusText(obs, health, 'following').severity, 'ok');
  const unreachable = statusText(obs, undefined, 'unreachable', 'unix:///var/run/docker.sock');
  assert.equal(unreachable.text, '$(layers) obs: Docker not reachable');
  assert.match(unreachable.tooltip, /unix:\/\/\/var\/run\/docker.sock/);
  assert.equal(statusText(obs, undefined, 'untrusted').text, '$(layers) obs: untrusted');
});
