// The settings module, by itself: node --test src/test/js (PageLogicTest runs it from Maven).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as logic from '../../main/resources/io/github/drawnet/studio/web/settings.js';

test('stepValue: a ladder steps to its next value either way, its ends stay put', () => {
  const lr = logic.LADDERS.learningRate;
  assert.equal(logic.stepValue('0.01', lr, 1), '0.03');
  assert.equal(logic.stepValue('0.01', lr, -1), '0.003');
  assert.equal(logic.stepValue('0.02', lr, 1), '0.03');
  assert.equal(logic.stepValue('0.02', lr, -1), '0.01');
  assert.equal(logic.stepValue('10', lr, 1), '10');
  assert.equal(logic.stepValue('0.00001', lr, -1), '0.00001');
  assert.equal(logic.stepValue('24', logic.LADDERS.batchSize, 1), '32');
  assert.equal(logic.stepValue('', logic.LADDERS.epochs, 1), '1');
  assert.equal(logic.stepValue('abc', logic.LADDERS.epochs, -1), '5000');
});

test('stepValue: without a ladder (the seed), whole numbers one by one, never below 0', () => {
  assert.equal(logic.stepValue('7', null, 1), '8');
  assert.equal(logic.stepValue('0', null, -1), '0');
  assert.equal(logic.stepValue('x', null, 1), '0');
});

test('parseHidden and hiddenText: sizes, none, and text that is not sizes', () => {
  assert.deepEqual(logic.parseHidden('8, 4'), [8, 4]);
  assert.deepEqual(logic.parseHidden('none'), []);
  assert.deepEqual(logic.parseHidden(''), []);
  assert.equal(logic.parseHidden('4,x'), null);
  assert.equal(logic.parseHidden('0'), null);
  assert.equal(logic.hiddenText([]), 'none');
  assert.equal(logic.hiddenText([3, 6]), '3,6');
});

test('comparable: the epochs do not count, every other setting does', () => {
  assert.equal(logic.comparable({ hidden: '4', epochs: '3' }), logic.comparable({ hidden: '4', epochs: '0' }));
  assert.notEqual(logic.comparable({ hidden: '4' }), logic.comparable({ hidden: '5' }));
});

test('SETTING_KEYS: the names the server gives of every setting the form sends, the backend and features apart', () => {
  assert.deepEqual(logic.SETTING_KEYS, ['hidden', 'activation', 'optimizer', 'learningRate', 'weightDecay', 'l1',
    'batchSize', 'epochs', 'trainSize', 'validationSize', 'testSize', 'noise', 'seed']);
});

test('ladderFor: the ladders stop at the limits of the studio, the seed has none', () => {
  const limits = { maxEpochs: 1000, maxPoints: 5000 };
  assert.deepEqual(logic.ladderFor('epochs', limits), [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000]);
  assert.deepEqual(logic.ladderFor('trainSize', limits), [100, 200, 500, 1000, 2000, 3000, 5000]);
  assert.deepEqual(logic.ladderFor('testSize', { maxEpochs: 1, maxPoints: 150 }), [100]);
  // the rate is not cut by either limit
  assert.deepEqual(logic.ladderFor('learningRate', { maxEpochs: 1, maxPoints: 1 }), logic.LADDERS.learningRate);
  assert.equal(logic.ladderFor('seed', limits), null);
});
