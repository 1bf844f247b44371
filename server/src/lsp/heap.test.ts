import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';
import { keepHeapSmall } from './heap';

/** The old generation, where an edit's garbage waits for a full collection. */
const used = () =>
  v8
    .getHeapSpaceStatistics()
    .filter((space) => !space.space_name.startsWith('new'))
    .reduce((sum, space) => sum + space.space_used_size, 0);
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

test('after a few bursts of work that grew the heap by a few MB, their garbage is collected on the next turn, unless work came in', async () => {
  let busy = false;
  const workDone = keepHeapSmall(() => busy);
  const afterWork = async () => {
    workDone();
    await nextTurn();
  };

  leaveGarbage(12);
  for (let burst = 1; burst < 4; burst++) await afterWork();
  assert.ok(used() > 10 * MB, 'not after every burst: a collection costs the next one its optimised code');

  busy = true;
  await afterWork();
  assert.ok(used() > 10 * MB, 'nothing is collected while work is waiting');

  busy = false;
  const before = used();
  await afterWork();
  assert.ok(used() < before - 10 * MB, `collected: ${(before / MB).toFixed(1)} MB -> ${(used() / MB).toFixed(1)} MB`);

  leaveGarbage(1);
  const after = used();
  for (let burst = 0; burst < 4; burst++) await afterWork();
  assert.ok(used() >= after - MB / 2, 'no collection when the heap has not grown by a few MB');
});

test('after a collection V8 made by itself, the server counts bursts and growth from there', async () => {
  const workDone = keepHeapSmall(() => false);
  const v8Collects = vm.runInNewContext('gc') as () => void;
  const afterWork = async () => {
    workDone();
    await nextTurn();
  };

  for (let burst = 1; burst < 4; burst++) {
    leaveGarbage(4);
    await afterWork();
  }
  v8Collects();
  const collected = used();
  leaveGarbage(6);
  await afterWork();
  assert.ok(used() > collected + 5 * MB, 'the fourth burst, the first since V8 collected: nothing collected');
  for (let burst = 2; burst < 4; burst++) {
    leaveGarbage(2);
    await afterWork();
  }
  assert.ok(used() > collected + 9 * MB, 'three bursts since V8 collected: nothing collected');
  leaveGarbage(1);
  await afterWork();
  assert.ok(used() < collected + 2 * MB, `four bursts and 5 MB since V8 collected: ${((used() - collected) / MB).toFixed(1)} MB left`);
});
