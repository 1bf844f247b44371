import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LogBuffer, type LogBatch } from './logBuffer';
import type { LogEntry } from './logLine';

const entries = (from: number, n: number): LogEntry[] => Array.from({ length: n }, (_, i) => ({ ns: BigInt(from + i), labels: { app: 'a' }, line: `l${from + i}` }));
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

test('batches: at most one every flushMs, in order, nothing lost while under capacity', async () => {
  const batches: Array<LogBatch & { at: number }> = [];
  const buffer = new LogBuffer({ capacity: 1000, flushMs: 50, onBatch: (b) => batches.push({ ...b, at: performance.now() }) });
  for (let i = 0; i < 20; i++) {
    buffer.add(entries(i * 10, 10));
    await sleep(10);
  }
  await sleep(80);
  buffer.dispose();
  assert.deepEqual(batches.flatMap((b) => b.entries.map((e) => e.line)), entries(0, 200).map((e) => e.line));
  for (let i = 1; i < batches.length; i++) assert.ok(batches[i].at - batches[i - 1].at >= 45, `batch ${i} came ${batches[i].at - batches[i - 1].at} ms after the previous`);
  assert.ok(batches.length >= 3 && batches.length <= 6, `${batches.length} batches for 200 ms`);
  assert.equal(batches.at(-1)!.droppedFromView, 0);
});

test('capacity: keeps the newest lines, counts the dropped ones, never sends more than it holds', async () => {
  const batches: LogBatch[] = [];
  const buffer = new LogBuffer({ capacity: 100, flushMs: 20, onBatch: (b) => batches.push(b) });
  buffer.add(entries(0, 250));
  assert.equal(buffer.size, 100);
  assert.equal(buffer.droppedFromView, 150);
  assert.deepEqual(buffer.lines().map((e) => e.ns), entries(150, 100).map((e) => e.ns));
  await sleep(40);
  assert.equal(batches.length, 1);
  assert.deepEqual(batches[0].entries.map((e) => e.line), entries(150, 100).map((e) => e.line));
  assert.equal(batches[0].droppedFromView, 150);
  buffer.add(entries(250, 30));
  buffer.flush();
  assert.deepEqual(batches[1], { entries: entries(250, 30), droppedFromView: 180, size: 100 });
  assert.deepEqual(buffer.lines()[0].line, 'l180');
  buffer.clear();
  assert.deepEqual([buffer.size, buffer.lines()], [0, []]);
  buffer.dispose();
});
