import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from './lspClient';
import { STACKS_REQUEST, type StackInfo } from '../../server/src/protocol/stacks';

test('stacklens/stacks lists the workspace stacks with run-once services and log selectors', async () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'stacklens-stacks-'));
  const obs = path.join(root, 'obs');
  fs.mkdirSync(path.join(obs, 'alloy'), { recursive: true });
  fs.mkdirSync(path.join(root, 'node_modules', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(root, 'node_modules', 'pkg', 'docker-compose.yml'), 'services: {}\n');
  fs.writeFileSync(path.join(obs, 'docker-compose.yml'), 'services:\n  init:\n    image: busybox:1.36\n    command: ["chown", "-R", "1", "/d"]\n  loki:\n    image: grafana/loki:3.1.0\n    healthcheck:\n      test: ["CMD", "true"]\n');
  fs.writeFileSync(path.join(obs, 'docker-compose.override.yml'), 'services:\n  loki:\n    restart: always\n');
  fs.writeFileSync(path.join(obs, 'alloy', 'config.alloy'), 'discovery.relabel "c" {\n  targets = []\n  rule {\n    source_labels = ["__meta_docker_container_label_com_docker_compose_service"]\n    target_label = "service"\n  }\n}\n');
  const client = new LspClient();
  try {
    await client.initialize(root);
    const stacks = (await client.connection.sendRequest(STACKS_REQUEST)) as StackInfo[];
    assert.equal(stacks.length, 1, 'node_modules is not scanned');
    const [stack] = stacks;
    assert.equal(stack.projectName, 'obs');
    assert.deepEqual(stack.files, [path.join(obs, 'docker-compose.yml'), path.join(obs, 'docker-compose.override.yml')]);
    assert.deepEqual(stack.envFiles, []);
    assert.deepEqual(stack.services.map((s) => [s.name, s.runOnce, s.healthcheck, s.logSelector]), [
      ['init', true, false, '{service="init"}'],
      ['loki', false, true, '{service="loki"}'],
    ]);
    assert.deepEqual(stack.services[1].definition, { file: path.join(obs, 'docker-compose.override.yml'), line: 1, character: 2 });
  } finally {
    await client.stop();
  }
});
