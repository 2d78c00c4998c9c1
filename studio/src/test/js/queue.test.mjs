// The queue module (retries and the place in the queue, as the page tells them), by itself: node --test
// src/test/js (PageLogicTest runs it from Maven).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as logic from '../../main/resources/io/github/drawnet/studio/web/queue.js';

test('retryDelay: 5, 10, 20, 40, then 60 seconds, give or take a tenth', () => {
  assert.deepEqual([2, 3, 4, 5, 6, 9].map((n) => logic.retryDelay(n, () => 0.5)), [5, 10, 20, 40, 60, 60]);
  assert.equal(logic.retryDelay(6, () => 0), 54);
  assert.equal(logic.retryDelay(6, () => 1), 66);
});

test('retryDelay: at least a second, whatever the attempt', () => {
  assert.equal(logic.retryDelay(1, () => 0), 5);   // the first retry waits as the second
  assert.equal(logic.retryDelay(-3, () => 0.5), 5);
});

test('retriesStart: a busy studio (503, 429) is tried again by itself up to the fifth attempt, nothing else is', () => {
  assert.equal(logic.START_ATTEMPTS, 6);
  assert.equal(logic.retriesStart(503, 1), true);
  assert.equal(logic.retriesStart(429, 5), true);
  assert.equal(logic.retriesStart(503, 6), false);
  [400, 403, 409, 410, 413, 500, undefined].forEach((status) => assert.equal(logic.retriesStart(status, 1), false));
  assert.equal(logic.busy(503), true);
  assert.equal(logic.busy(429), true);
  assert.equal(logic.busy(502), false);
});

test('retryText: whole seconds left, rounded up, never below 0', () => {
  assert.equal(logic.retryText(10000, 0), 'The page tries again by itself in 10 s; your drawing and settings are kept.');
  assert.match(logic.retryText(10000, 8999), / in 2 s;/);
  assert.match(logic.retryText(10000, 9001), / in 1 s;/);
  assert.match(logic.retryText(10000, 10000), / in 0 s;/);
  assert.match(logic.retryText(10000, 20000), / in 0 s;/);
});

test('statusAnnouncement: a new state is read out with its message, done by its own event, training when a queued run\'s turn comes', () => {
  assert.equal(logic.statusAnnouncement('idle', { state: 'queued', message: 'queued: next in the queue, about 12 s' }, 0),
    'queued: next in the queue, about 12 s');
  assert.equal(logic.statusAnnouncement('training', { state: 'paused', message: 'paused' }, 0), 'paused');
  assert.equal(logic.statusAnnouncement('training', { state: 'failed', message: 'the loss diverged' }, 0),
    'failed: the loss diverged');
  assert.equal(logic.statusAnnouncement('training', { state: 'idle' }, 0), 'idle');
  // a queued run's turn: said, whatever its place was
  assert.equal(logic.statusAnnouncement('queued', { state: 'training', message: 'x' }, 2), 'training started');
  assert.equal(logic.statusAnnouncement('paused', { state: 'training' }, 0), null);
  assert.equal(logic.statusAnnouncement('training', { state: 'training' }, 0), null);
  assert.equal(logic.statusAnnouncement('training', { state: 'done', message: 'finished' }, 0), null);
  assert.equal(logic.statusAnnouncement('done', { state: 'done', message: 'finished' }, 0), null);
});

test('statusAnnouncement: a new place in the queue is read out near the front and every fifth, not every move', () => {
  const at = (position) => ({ state: 'queued', position, message: 'queued: number ' + position + ' in the queue' });
  assert.equal(logic.statusAnnouncement('queued', at(3), 4), 'queued: number 3 in the queue');
  assert.equal(logic.statusAnnouncement('queued', at(1), 2), 'queued: number 1 in the queue');
  assert.equal(logic.statusAnnouncement('queued', at(10), 11), 'queued: number 10 in the queue');
  assert.equal(logic.statusAnnouncement('queued', at(4), 5), null);
  assert.equal(logic.statusAnnouncement('queued', at(11), 12), null);
  // the same place again (a new estimate only) is not read out again
  assert.equal(logic.statusAnnouncement('queued', at(2), 2), null);
  // no place yet: nothing to read
  assert.equal(logic.statusAnnouncement('queued', { state: 'queued', message: 'queued' }, 0), null);
});

test('placeAfter: the place while queued, 0 once it left the queue', () => {
  assert.equal(logic.placeAfter({ state: 'queued', position: 7 }), 7);
  assert.equal(logic.placeAfter({ state: 'training', position: 7 }), 0);
  assert.equal(logic.placeAfter({ state: 'paused' }), 0);
});

test('startAnnouncement: said once the Start is accepted, unless the run was queued or has already ended', () => {
  assert.equal(logic.startAnnouncement('idle', false), 'training started');
  assert.equal(logic.startAnnouncement('done', false), 'training started');   // a new run after a finished one
  assert.equal(logic.startAnnouncement('training', false), 'training started');
  assert.equal(logic.startAnnouncement('queued', false), null);               // its place was read out
  assert.equal(logic.startAnnouncement('done', true), null);                  // a short run ended first
  assert.equal(logic.startAnnouncement('training', true), null);
});
