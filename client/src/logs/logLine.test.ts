import { test } from 'node:test';
import assert from 'node:assert/strict';
import { detectLevel, entryKey, labelsKey, parseJsonLine, rfc3339ToNs, type LogLevel } from './logLine';

test('detectLevel: logfmt, JSON, [LEVEL], bare upper case, prose; the explicit form wins', () => {
  const cases: Array<[string, LogLevel]> = [
    ['ts=2024-05-01T10:00:00Z level=error msg="db down"', 'error'],
    ['level="warn" msg=slow', 'warn'],
    ['lvl=dbug caller=main.go:12', 'debug'],
    ['{"level":"warn","msg":"disk 91%"}', 'warn'],
    ['{"ts":1,"severity":"CRITICAL","msg":"x"}', 'fatal'],
    ['{"msg":"ok","log.level":"info"}', 'info'],
    ['[INFO] server started on :8080', 'info'],
    ['2024-05-01 10:00:00 [Warning] aborted connection', 'warn'],
    ['ERROR: relation "users" does not exist', 'error'],
    ['2024/05/01 10:00:00 FATAL could not bind', 'fatal'],
    ['panic: runtime error: index out of range', 'fatal'],
    ['level=info msg="ERROR budget recomputed"', 'info'],
    ['GET /healthz 200 3ms', 'unknown'],
    ['an errorless line about terrors', 'unknown'],
    ['', 'unknown'],
  ];
  for (const [line, level] of cases) assert.equal(detectLevel(line), level, line);
});

test('parseJsonLine: objects only; anything else is undefined', () => {
  assert.deepEqual(parseJsonLine(' {"level":"info","n":1,"nested":{"a":[1]}} '), { level: 'info', n: 1, nested: { a: [1] } });
  for (const line of ['[1,2]', '{"broken":', 'level=info', '"text"', '{}x']) assert.equal(parseJsonLine(line), undefined, line);
});

test('labelsKey and entryKey: label order does not matter; time, stream and line all do', () => {
  assert.equal(labelsKey({ b: '2', a: '1' }), '{a="1", b="2"}');
  const e = { ns: 5n, labels: { a: '1', b: '2' }, line: 'x' };
  assert.equal(entryKey(e), entryKey({ ns: 5n, labels: { b: '2', a: '1' }, line: 'x' }));
  assert.notEqual(entryKey(e), entryKey({ ...e, ns: 6n }));
  assert.notEqual(entryKey(e), entryKey({ ...e, line: 'y' }));
  assert.notEqual(entryKey(e), entryKey({ ...e, labels: { a: '1' } }));
});

test('rfc3339ToNs: docker and Loki timestamps to ns, trimmed fractions, offsets', () => {
  assert.equal(rfc3339ToNs('2023-11-14T22:13:20.123456789Z'), 1_700_000_000_123_456_789n);
  assert.equal(rfc3339ToNs('2023-11-14T22:13:20.5Z'), 1_700_000_000_500_000_000n);
  assert.equal(rfc3339ToNs('2023-11-14T22:13:20Z'), 1_700_000_000_000_000_000n);
  assert.equal(rfc3339ToNs('2023-11-14T23:13:20.000000001+01:00'), 1_700_000_000_000_000_001n);
  assert.equal(rfc3339ToNs('yesterday'), undefined);
});
