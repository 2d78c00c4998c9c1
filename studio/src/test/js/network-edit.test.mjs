// The network drawing's weights and their editor (the network-edit module), by themselves: node --test src/test/js
// (PageLogicTest runs it).
import test from 'node:test';
import assert from 'node:assert/strict';
import * as edit from '../../main/resources/io/github/drawnet/studio/web/network-edit.js';

// a 2-3-1 network as a maps event holds it: w[row][col] leads from input col to unit row
const LAYERS = [
  { w: [[0.5, -1], [2, 0], [-0.25, 0.125]], b: [0.1, -3, 0] },
  { w: [[1, -2, 0.75]], b: [-0.5] },
];
const name = (column, index) => edit.nodeName(column, index, 3, ['x1', 'x2'], 1);

test('nodeName: inputs by their label, hidden units and outputs by place, from 1', () => {
  assert.equal(name(0, 1), 'x2');
  assert.equal(edit.nodeName(0, 2, 3, ['x1'], 1), 'x3');
  assert.equal(name(1, 0), 'hidden unit 1 of layer 1');
  assert.equal(name(2, 0), 'the output');
  assert.equal(edit.nodeName(3, 2, 4, [], 3, (k) => 'class ' + k + ' (orange)'), 'the output of class 2 (orange)');
  assert.equal(edit.nodeName(2, 1, 3, [], 3), 'the output of class 1');
});

test('targetName: a weight from its input to its unit, a bias by its unit', () => {
  assert.equal(edit.targetName({ layer: 0, row: 2, col: 1 }, name), 'weight from x2 to hidden unit 3 of layer 1');
  assert.equal(edit.targetName({ layer: 1, row: 0, col: 2 }, name), 'weight from hidden unit 3 of layer 1 to the output');
  assert.equal(edit.targetName({ layer: 1, row: 0, col: null }, name), 'bias of the output');
  assert.equal(edit.targetName({ layer: 0, row: 1 }, name), 'bias of hidden unit 2 of layer 1');
});

test('parseWeight: decimal numbers within the range, as the server reads them', () => {
  assert.deepEqual(edit.parseWeight(' 0.25 ', 100), { value: 0.25 });
  assert.deepEqual(edit.parseWeight('-.5', 100), { value: -0.5 });
  assert.deepEqual(edit.parseWeight('+3e-2', 100), { value: 0.03 });
  assert.deepEqual(edit.parseWeight('100', 100), { value: 100 });
  assert.deepEqual(edit.parseWeight('-100', 100), { value: -100 });
  for (const bad of ['NaN', 'Infinity', '1f', '0x10', '', '1,5', '100.01', '-1e3', 'abc', '1.2.3']) {
    assert.deepEqual(edit.parseWeight(bad, 100),
      { error: 'a weight must be a number in [-100, 100], got \'' + bad + '\'' }, bad);
  }
});

test('weightBody: the server\'s request, a weight by row and col, a bias by its unit', () => {
  assert.deepEqual(edit.weightBody({ layer: 1, row: 0, col: 2 }, -1.5), { layer: 1, row: 0, col: 2, value: -1.5 });
  assert.deepEqual(edit.weightBody({ layer: 0, row: 1, col: null }, 0), { layer: 0, bias: 1, value: 0 });
});

test('weightOf: the value at a weight or a bias, null beyond the network', () => {
  assert.equal(edit.weightOf(LAYERS, { layer: 0, row: 1, col: 0 }), 2);
  assert.equal(edit.weightOf(LAYERS, { layer: 0, row: 2, col: 1 }), 0.125);
  assert.equal(edit.weightOf(LAYERS, { layer: 0, row: 1, col: null }), -3);
  assert.equal(edit.weightOf(LAYERS, { layer: 2, row: 0, col: 0 }), null);
  assert.equal(edit.weightOf(LAYERS, { layer: 0, row: 3, col: 0 }), null);
  assert.equal(edit.weightOf(LAYERS, { layer: 0, row: 0, col: 2 }), null);
  assert.equal(edit.weightOf(null, { layer: 0, row: 0, col: 0 }), null);
});

test('unitChoices: a unit\'s bias first, then the weight from each of its inputs, with their values', () => {
  assert.deepEqual(edit.unitChoices(LAYERS, 1, 0, name), [
    { target: { layer: 1, row: 0, col: null }, label: 'bias', value: -0.5 },
    { target: { layer: 1, row: 0, col: 0 }, label: 'from hidden unit 1 of layer 1', value: 1 },
    { target: { layer: 1, row: 0, col: 1 }, label: 'from hidden unit 2 of layer 1', value: -2 },
    { target: { layer: 1, row: 0, col: 2 }, label: 'from hidden unit 3 of layer 1', value: 0.75 },
  ]);
  assert.deepEqual(edit.unitChoices(LAYERS, 0, 2, name).map((c) => c.label), ['bias', 'from x1', 'from x2']);
  assert.deepEqual(edit.unitChoices(LAYERS, 1, 1, name), []);
  assert.deepEqual(edit.unitChoices(null, 0, 0, name), []);
});

test('largestWeight, edgeWidth and signColour: edges drawn to the largest weight, biases to the largest value, coloured by sign', () => {
  assert.equal(edit.largestWeight(LAYERS, true), 3);
  assert.equal(edit.largestWeight(LAYERS, false), 2);
  assert.equal(edit.largestWeight([], true), 1e-6);
  assert.equal(edit.edgeWidth(0, 3), 0.4);
  assert.equal(edit.edgeWidth(-3, 3), 5.4);
  assert.equal(edit.edgeWidth(1.5, 3), 2.9);
  assert.equal(edit.edgeWidth(6, 3), 5.4);
  const pos = [8, 119, 189];
  const neg = [245, 147, 34];
  assert.deepEqual(edit.signColour(3, 3, pos, neg), pos);
  assert.deepEqual(edit.signColour(-3, 3, pos, neg), neg);
  // a quarter deep at zero, so that a small bias still shows against the white page
  assert.deepEqual(edit.signColour(0, 3, pos, neg), [193, 221, 239]);
  assert.deepEqual(edit.signColour(-1.5, 3, pos, neg), [249, 188, 117]);
});

test('weightText: three decimals, two figures for small values, never -0.000', () => {
  assert.equal(edit.weightText(0.5), '0.500');
  assert.equal(edit.weightText(-2.25), '-2.250');
  assert.equal(edit.weightText(0.00012), '0.00012');
  assert.equal(edit.weightText(0), '0.000');
  assert.equal(edit.weightText(-0.0004), '-0.00040');
  assert.equal(edit.weightText(-0), '0.000');
});
