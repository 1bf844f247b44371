import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commandShape, shellWords } from './lifecycle';
import { emptyService } from './service';

const shapeOf = (command: string | string[], entrypoint?: string | string[]) => {
  const service = emptyService('s');
  service.command = { value: command, file: '', span: { start: 0, end: 0 } };
  if (entrypoint) service.entrypoint = { value: entrypoint, file: '', span: { start: 0, end: 0 } };
  return commandShape(service);
};

test('shell words group quotes as compose splits string commands', () => {
  assert.deepEqual(shellWords(`sh -c 'chown -R 1 /d && echo "ok done"'`), ['sh', '-c', 'chown -R 1 /d && echo "ok done"']);
  assert.deepEqual(shellWords('a "b c" d\\ e'), ['a', 'b c', 'd e']);
});

test('finite: one-shot utilities and shell scripts made only of them', () => {
  assert.equal(shapeOf(['chown', '-R', '10001:10001', '/loki']), 'finite');
  assert.equal(shapeOf('sh -c "mkdir -p /data && chmod 777 /data"'), 'finite');
  assert.equal(shapeOf(['-c', 'chown -R 473 /var/lib/alloy'], ['/bin/sh']), 'finite');
});

test('forever: sleep infinity, tail -f, while true', () => {
  assert.equal(shapeOf(['sleep', 'infinity']), 'forever');
  assert.equal(shapeOf('sh -c "chown 1 /d && tail -f /dev/null"'), 'forever');
  assert.equal(shapeOf(['sh', '-c', 'while true; do sleep 5; done']), 'forever');
});

test('unknown: servers, flags for the image entrypoint, exec into a program', () => {
  assert.equal(shapeOf(['--config.file=/etc/prometheus/prometheus.yml']), 'unknown');
  assert.equal(shapeOf('-config.file=/etc/loki/local-config.yaml'), 'unknown');
  assert.equal(shapeOf('sh -c "chown 1 /d && exec /usr/bin/loki"'), 'unknown');
  assert.equal(shapeOf(['run', '/etc/alloy/config.alloy']), 'unknown');
});
