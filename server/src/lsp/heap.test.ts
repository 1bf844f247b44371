import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import { keepHeapSmall } from './heap';

const used = () => v8.getHeapStatistics().used_heap_size;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
const MB = 1024 * 1024;

/** Leaves about `mb` MB of garbage in the old generation, as the model an edit replaces does. */
function leaveGarbage(mb: number): void {
  const model: number[][] = [];
  for (let i = 0; i < mb; i++) model.push(new Array(MB / 8).fill(i));
  // The model outlives a few scavenges, so it is promoted before it dies.
  for (let i = 0; i < 256; i++) new Array(8 * 1024).fill(i);
  model.length = 0;
}

test('once the heap has grown by a few MB, the garbage of finished work is collected on the next turn, unless work came in', async () => {
  let busy = false;
  const workDone = keepHeapSmall(() => busy);

  leaveGarbage(12);
  busy = true;
  workDone();
  await nextTurn();
  assert.ok(used() > 10 * MB, 'nothing is collected while work is waiting');

  busy = false;
  const before = used();
  workDone();
  await nextTurn();
  assert.ok(used() < before - 10 * MB, `collected: ${(before / MB).toFixed(1)} MB -> ${(used() / MB).toFixed(1)} MB`);

  const after = used();
  workDone();
  await nextTurn();
  assert.ok(used() >= after - MB, 'no collection when the heap has not grown');
});
