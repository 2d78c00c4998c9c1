// The state module (what the page's state allows), by itself: node --test src/test/js (PageLogicTest runs it).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as logic from '../../main/resources/io/github/drawnet/studio/web/state.js';

const BUTTONS = ['start', 'pause', 'resume', 'step', 'stop', 'continue'];
/** Returns the names of the buttons that are on. */
function on(st, off = false, same = true) {
  const b = logic.buttonStates(st, off, same, 10);
  return BUTTONS.filter((k) => !b[k]);
}

test('buttonStates: each state turns on the buttons that make sense in it', () => {
  assert.deepEqual(on('idle'), ['start', 'step']);
  assert.deepEqual(on('queued'), ['pause', 'stop']);
  assert.deepEqual(on('training'), ['pause', 'stop']);
  assert.deepEqual(on('paused'), ['resume', 'step', 'stop']);
  assert.deepEqual(on('done'), ['start', 'step', 'continue']);
  assert.deepEqual(on('failed'), ['start', 'step']);
  assert.deepEqual(on('starting'), ['start', 'step']);
});

test('buttonStates: without a session, or after it ended, every run button is off', () => {
  ['idle', 'queued', 'training', 'paused', 'done', 'failed'].forEach((st) => assert.deepEqual(on(st, true), []));
});

test('buttonStates: Continue is off, and says why, when the form shows other settings than the run', () => {
  const changed = logic.buttonStates('done', false, false, 10);
  assert.equal(changed.continue, true);
  assert.equal(changed.continueTitle, 'The settings shown are not this run\'s: Start trains with them');
  assert.equal(logic.buttonStates('done', false, true, 25).continueTitle, 'Train the finished model 25 more epochs');
  assert.equal(logic.buttonStates('idle', false, false, 10).continueTitle, 'Train the finished model 10 more epochs');
});

test('buttonStates: hasRun once a run is queued, training, paused or done', () => {
  assert.deepEqual(['idle', 'starting', 'failed', 'queued', 'training', 'paused', 'done']
    .map((st) => logic.buttonStates(st, false, true, 10).hasRun), [false, false, false, true, true, true, true]);
});

test('oneClass: chance is 0.5 for two classes, 1/K for more', () => {
  assert.match(logic.oneClass(2), /^It predicts one class: balanced accuracy is near 0\.5\. Try more hidden units/);
  assert.match(logic.oneClass(4), /near 1\/4 \(0\.25\)\./);
});

test('oneClassNotice: shown near chance from epoch 10, taken down well away from it, left alone between', () => {
  assert.equal(logic.oneClassNotice(0.52, 10, 2), true);
  assert.equal(logic.oneClassNotice(0.52, 9, 2), null);
  assert.equal(logic.oneClassNotice(0.5 + 0.06, 50, 2), null);
  assert.equal(logic.oneClassNotice(0.61, 50, 2), false);
  assert.equal(logic.oneClassNotice(0.35, 50, 3), true);
  assert.equal(logic.oneClassNotice(0.9, 1, 3), false);
  assert.equal(logic.oneClassNotice(null, 50, 2), null);
});
