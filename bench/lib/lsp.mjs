// A small LSP client for benches: spawns a server over stdio, answers the server's requests
// (workspace/configuration from a per-server function, everything else with null), and times
// publishDiagnostics. Any server crash, timeout or protocol error rejects: a bench must then fail.
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import * as fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createMessageConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-jsonrpc/node');

export const DEFAULT_TIMEOUT_MS = 30_000;

/**
 * The node arguments that run `script` as its shebang line does (`#!/usr/bin/env -S node FLAGS --`),
 * on the node running the bench: editors start a server such as `bin/stacklens lsp --stdio` through
 * that line, so its node flags are part of what is measured.
 */
export function shebangNodeArgs(script, args) {
  const first = fs.readFileSync(script, 'utf8').split('\n', 1)[0];
  const flags = /^#!\S*env(?:\s+-S)?\s+node(?=\s|$)(.*)$/.exec(first)?.[1].trim().split(/\s+/).filter(Boolean) ?? [];
  return [...flags, script, ...args];
}

/** Client capabilities every server gets, so none is measured with fewer features than another. */
const CLIENT_CAPABILITIES = {
  workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: false }, workspaceFolders: true },
  textDocument: {
    synchronization: { dynamicRegistration: false, didSave: true },
    publishDiagnostics: { relatedInformation: true, versionSupport: true },
    hover: { contentFormat: ['markdown', 'plaintext'] },
    completion: { completionItem: { snippetSupport: true } },
  },
};

export class LspServer {
  /**
   * @param {string} label for errors
   * @param {string} command executable (a script with a shebang, or node)
   * @param {string[]} args
   * @param {{ configuration?: (item: {section?: string, scopeUri?: string}) => unknown, cwd?: string, env?: object }} options
   */
  constructor(label, command, args, options = {}) {
    this.label = label;
    this.configurationRequests = 0;
    this.stderr = '';
    this.exited = false;
    this.failure = undefined;
    this.waiters = new Set();
    this.published = new Map();
    // BENCH_CPU_PROF=DIR: a node server writes a CPU profile there when it stops (bench/tools/cpuprofile-top.mjs reads it).
    if (process.env.BENCH_CPU_PROF && command === process.execPath) args = ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`, ...args];
    this.child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'], cwd: options.cwd, env: options.env ?? process.env });
    this.child.stderr.on('data', (d) => {
      if (this.stderr.length < 20_000) this.stderr += d;
    });
    this.child.on('exit', (code, signal) => {
      this.exited = true;
      if (!this.stopping) this.fail(new Error(`${label} exited (code ${code}, signal ${signal}) unexpectedly; stderr:\n${this.stderr.slice(-2000)}`));
    });
    this.child.on('error', (e) => this.fail(new Error(`${label}: cannot start ${command}: ${e.message}`)));
    this.connection = createMessageConnection(new StreamMessageReader(this.child.stdout), new StreamMessageWriter(this.child.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (p) => {
      const at = performance.now();
      this.published.set(p.uri, p);
      for (const w of [...this.waiters]) w(p, at);
    });
    this.connection.onNotification(() => {}); // window/logMessage, telemetry, ...
    this.connection.onRequest('workspace/configuration', (params) => {
      this.configurationRequests++;
      return params.items.map((item) => (options.configuration ? options.configuration(item) : null) ?? null);
    });
    this.connection.onRequest(() => null); // client/registerCapability, window/workDoneProgress/create, ...
    this.connection.onError(([error]) => this.fail(new Error(`${label}: connection error: ${error?.message ?? error}`)));
    this.connection.listen();
  }

  get pid() {
    return this.child.pid;
  }

  fail(error) {
    if (this.failure) return;
    this.failure = error;
    for (const w of [...this.waiters]) w(undefined, undefined, error);
  }

  async initialize(root, initializationOptions = {}) {
    const uri = pathToFileURL(root).toString();
    const result = await this.guard(
      this.connection.sendRequest('initialize', {
        processId: process.pid,
        rootUri: uri,
        rootPath: root,
        workspaceFolders: [{ uri, name: 'bench' }],
        capabilities: CLIENT_CAPABILITIES,
        initializationOptions,
      }),
      'initialize',
    );
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Rejects when the server fails or the timeout passes first. */
  guard(promise, what, timeoutMs = DEFAULT_TIMEOUT_MS) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const onFail = (_p, _at, error) => {
        if (error) finish(() => reject(error));
      };
      const timer = setTimeout(() => finish(() => reject(new Error(`${this.label}: timed out after ${timeoutMs} ms waiting for ${what}`))), timeoutMs);
      const finish = (f) => {
        clearTimeout(timer);
        this.waiters.delete(onFail);
        f();
      };
      this.waiters.add(onFail);
      promise.then((v) => finish(() => resolve(v)), (e) => finish(() => reject(e)));
    });
  }

  /** The next publishDiagnostics for `uri`, with the time it arrived (performance.now()). */
  nextDiagnostics(uri, timeoutMs = DEFAULT_TIMEOUT_MS) {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const waiter = (p, at, error) => {
        if (error) return finish(() => reject(error));
        if (p.uri === uri) finish(() => resolve({ diagnostics: p.diagnostics, at }));
      };
      const timer = setTimeout(
        () => finish(() => reject(new Error(`${this.label}: no diagnostics published for ${uri} within ${timeoutMs} ms; stderr:\n${this.stderr.slice(-2000)}`))),
        timeoutMs,
      );
      const finish = (f) => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
        f();
      };
      this.waiters.add(waiter);
    });
  }

  notify(method, params) {
    if (this.failure) throw this.failure;
    void this.connection.sendNotification(method, params);
  }

  /** didOpen; returns { uri, sentAt }. */
  open(file, text, languageId) {
    const uri = pathToFileURL(file).toString();
    const sentAt = performance.now();
    this.notify('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return { uri, sentAt };
  }

  /** Full-text didChange; returns the time it was sent. */
  change(uri, version, text) {
    const sentAt = performance.now();
    this.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return sentAt;
  }

  /** Peak resident set (VmHWM) of the server process, MB; undefined off Linux. */
  peakRssMB() {
    try {
      const status = fs.readFileSync(`/proc/${this.pid}/status`, 'utf8');
      const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
      return Number.isFinite(kb) ? Math.round((kb / 1024) * 10) / 10 : undefined;
    } catch {
      return undefined;
    }
  }

  /** The process's name in /proc, to make sure we measure the server and not a wrapper. */
  processName() {
    try {
      return /^Name:\s+(\S+)/m.exec(fs.readFileSync(`/proc/${this.pid}/status`, 'utf8'))?.[1];
    } catch {
      return undefined;
    }
  }

  async stop() {
    this.stopping = true;
    if (this.exited) return;
    try {
      await Promise.race([this.connection.sendRequest('shutdown'), sleep(3000)]);
      await this.connection.sendNotification('exit');
    } catch {
      // the kill below ends it
    }
    const exited = new Promise((resolve) => (this.exited ? resolve() : this.child.once('exit', resolve)));
    if (!(await Promise.race([exited.then(() => true), sleep(3000).then(() => false)]))) {
      this.child.kill('SIGKILL');
      await exited;
    }
    this.connection.dispose();
  }
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
