// Entry point VS Code loads in the extension host (runTests' extensionTestsPath): runs every
// *.e2e.js beside it with mocha and rejects if any test failed.
/// <reference types="mocha" />
import * as fs from 'node:fs';
import * as path from 'node:path';

export async function run(): Promise<void> {
  // mocha 12 is ESM-only; require() of it returns the module namespace (Node >= 22.12, which both the
  // code-server and VS Code desktop extension hosts are), older mochas return the class itself.
  const m = require('mocha');
  const Mocha: typeof import('mocha') = typeof m === 'function' ? m : m.default;
  // Colors: mocha decides from the extension host's environment (CI=true turns them on); the shim strips
  // them when its output is not a terminal.
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, reporter: 'spec' });
  for (const f of fs.readdirSync(__dirname).sort()) {
    if (f.endsWith('.e2e.js')) mocha.addFile(path.join(__dirname, f));
  }
  const failures = await new Promise<number>(resolve => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} e2e test(s) failed`);
}
