import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PassThrough } from 'node:stream';
import Docker from 'dockerode';
import { DockerLineSplitter, followContainerLogs, nsToDockerSince, type DockerLogSource } from './dockerLogs';
import type { LogEntry } from './logLine';

/** One frame of Docker's multiplexed stream: [type, 0, 0, 0, size (big-endian u32)] + payload. */
function frame(type: 1 | 2, text: string): Buffer {
  const payload = Buffer.from(text, 'utf8');
  const header = Buffer.alloc(8);
  header.writeUInt8(type, 0);
  header.writeUInt32BE(payload.length, 4);
  return Buffer.concat([header, payload]);
}

function fakeContainer(tty: boolean) {
  const stream = new PassThrough();
  const calls: unknown[] = [];
  const container: DockerLogSource = {
    inspect: async () => ({ Name: '/shop-api-1', Config: { Tty: tty } }),
    logs: async (options) => {
      calls.push(options);
      return stream;
    },
  };
  return { stream, calls, container };
}

// dockerode's own demultiplexer; the client never connects (nothing is asked of the engine).
const modem = new Docker({ socketPath: '/nonexistent.sock' }).modem;
const demux = modem.demuxStream.bind(modem);
const flush = () => new Promise((r) => setImmediate(r));

test('docker logs: follow + timestamps, stdout/stderr demultiplexed by dockerode, lines split across frames, the Loki entry shape', async () => {
  const { stream, calls, container } = fakeContainer(false);
  const entries: LogEntry[] = [];
  let ended: Error | undefined | 'no' = 'no';
  const follow = await followContainerLogs(container, demux, {
    sinceNs: 1_700_000_000_000_000_001n,
    labels: { service: 'api' },
    onEntries: (e) => entries.push(...e),
    onEnd: (error) => (ended = error),
  });
  assert.deepEqual(calls, [{ follow: true, stdout: true, stderr: true, timestamps: true, since: '1700000000.000000001', tail: undefined }]);
  const all = frame(1, '2023-11-14T22:13:20.000000001Z level=info msg="started"\n2023-11-14T22:13:20.5Z {"level":"warn","msg":"h');
  stream.write(all.subarray(0, 5)); // a header split across chunks
  stream.write(all.subarray(5));
  stream.write(frame(2, '2023-11-14T22:13:21Z ERROR boom\r\n'));
  stream.write(frame(1, 'é"}\n'));
  await flush();
  stream.end();
  await flush();
  assert.deepEqual(entries, [
    { ns: 1_700_000_000_000_000_001n, labels: { service: 'api', container: 'shop-api-1', stream: 'stdout' }, line: 'level=info msg="started"' },
    { ns: 1_700_000_001_000_000_000n, labels: { service: 'api', container: 'shop-api-1', stream: 'stderr' }, line: 'ERROR boom' },
    { ns: 1_700_000_000_500_000_000n, labels: { service: 'api', container: 'shop-api-1', stream: 'stdout' }, line: '{"level":"warn","msg":"hé"}' },
  ]);
  assert.equal(ended, undefined);
  follow.stop();
});

test('docker logs: a TTY container is not multiplexed; stop() ends delivery without onEnd', async () => {
  const { stream, container } = fakeContainer(true);
  const entries: LogEntry[] = [];
  let endCalls = 0;
  const follow = await followContainerLogs(container, demux, { onEntries: (e) => entries.push(...e), onEnd: () => endCalls++ });
  stream.write('2023-11-14T22:13:20Z hello from a tty\n');
  await flush();
  follow.stop();
  stream.write('2023-11-14T22:13:21Z after stop\n');
  await flush();
  assert.deepEqual(entries.map((e) => [e.labels.stream, e.line]), [['stdout', 'hello from a tty']]);
  assert.equal(endCalls, 0);
});

test('DockerLineSplitter: multi-byte characters across chunks; a line without timestamp keeps the previous time', () => {
  const splitter = new DockerLineSplitter({ container: 'c', stream: 'stdout' });
  const bytes = Buffer.from('2023-11-14T22:13:20Z ünïcode\nno timestamp here\n', 'utf8');
  const out = [...splitter.push(bytes.subarray(0, 22)), ...splitter.push(bytes.subarray(22)), ...splitter.end()];
  assert.deepEqual(out.map((e) => [e.ns, e.line]), [
    [1_700_000_000_000_000_000n, 'ünïcode'],
    [1_700_000_000_000_000_000n, 'no timestamp here'],
  ]);
  assert.equal(nsToDockerSince(5n), '0.000000005');
});
