// The page's logic, by itself: node --test src/test/js/studio-logic.test.js (PageLogicTest runs it from Maven).
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const logic = require('../../main/resources/io/github/drawnet/studio/web/studio-logic.js');

test('paletteName: the palette names its colours, other colours keep their hex code', () => {
  assert.equal(logic.paletteName('#e69f00'), 'orange');
  assert.equal(logic.paletteName('#56B4E9'), 'sky blue');
  assert.equal(logic.paletteName('#dc143c'), '#dc143c');
});

test('named: hex codes of palette colours in a text become names', () => {
  assert.equal(logic.named('3 classes: background 74.7%, #56b4e9 12.6%, #e69f00 12.6%, #dc143c 1%'),
    '3 classes: background 74.7%, sky blue 12.6%, orange 12.6%, #dc143c 1%');
});

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

test('addressSettings: only what differs from the defaults', () => {
  const defaults = { hidden: '4', learningRate: '0.01', epochs: '100', features: ['x1', 'x2'], continueEpochs: 10 };
  const keys = ['hidden', 'learningRate', 'epochs'];
  assert.deepEqual(logic.addressSettings({ backend: 'djl', hidden: '4', learningRate: '0.01', epochs: '100',
    features: ['x1', 'x2'] }, defaults, 'djl', keys), {});
  assert.deepEqual(logic.addressSettings({ backend: 'reference', hidden: '3,6', learningRate: ' 0.03 ', epochs: '100',
    features: ['x1', 'x2', 'x1x2'] }, defaults, 'djl', keys),
  { backend: 'reference', hidden: '3,6', learningRate: '0.03', features: 'x1,x2,x1x2' });
});

test('retryDelay: 5, 10, 20, 40, then 60 seconds, give or take a tenth', () => {
  assert.deepEqual([2, 3, 4, 5, 6, 9].map((n) => logic.retryDelay(n, () => 0.5)), [5, 10, 20, 40, 60, 60]);
  assert.equal(logic.retryDelay(6, () => 0), 54);
  assert.equal(logic.retryDelay(6, () => 1), 66);
});

test('comparable: the epochs do not count, every other setting does', () => {
  assert.equal(logic.comparable({ hidden: '4', epochs: '3' }), logic.comparable({ hidden: '4', epochs: '0' }));
  assert.notEqual(logic.comparable({ hidden: '4' }), logic.comparable({ hidden: '5' }));
});
