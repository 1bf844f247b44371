import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SERVER_NODE_FLAGS } from './serverProcess';

test('bin/stacklens runs node with the flags the VS Code client gives the server', () => {
  const bin = path.resolve(__dirname, '..', '..', '..', '..', 'bin', 'stacklens');
  const shebang = fs.readFileSync(bin, 'utf8').split('\n', 1)[0];
  assert.equal(shebang, `#!/usr/bin/env -S node ${SERVER_NODE_FLAGS.join(' ')} --`);
});
