// Drawnet studio: the network drawing's weights, and the editor that sets one (click or Enter, type, Enter), by
// their logic that touches no page: loaded before studio.js (whose network drawing calls these by name) and tested
// by itself with Node's test runner (src/test/js/network-edit.test.js, run by PageLogicTest).
'use strict';

/**
 * Returns what the page calls node `index` (from 0) of `column` (0 the inputs, the last the output) of a network
 * drawn in `columns` columns: the input's label, 'hidden unit 2 of layer 1', 'the output', or for more than one
 * output, 'the output of ' + className(index).
 */
function nodeName(column, index, columns, inputNames, outputs, className) {
  if (column === 0) return inputNames[index] || 'x' + (index + 1);
  if (column < columns - 1) return 'hidden unit ' + (index + 1) + ' of layer ' + column;
  return outputs > 1 ? 'the output of ' + (className ? className(index) : 'class ' + index) : 'the output';
}

/**
 * Returns a weight's or a bias's name, as the editor and the edges' labels say it: target {layer, row, col} (col
 * null or undefined for the bias of unit row), in the server's numbering (layer 0 leads from the inputs).
 * `name(column, index)` names the nodes.
 */
function targetName(target, name) {
  const to = name(target.layer + 1, target.row);
  return isBias(target) ? 'bias of ' + to : 'weight from ' + name(target.layer, target.col) + ' to ' + to;
}

function isBias(target) {
  return target.col === null || target.col === undefined;
}

/**
 * Reads a typed weight as the server does: a decimal number (not NaN, Infinity, 1f or 0x1p3) in [-maxAbs, maxAbs].
 * Returns {value} or {error: one line naming the text}.
 */
function parseWeight(text, maxAbs) {
  const t = String(text).trim();
  const ok = /^[-+]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][-+]?[0-9]+)?$/.test(t);
  const v = ok ? Number(t) : NaN;
  if (!(Math.abs(v) <= maxAbs)) {
    return { error: 'a weight must be a number in [-' + maxAbs + ', ' + maxAbs + '], got \'' + t + '\'' };
  }
  return { value: v };
}

/** Returns the body of the server's weight request: {layer, row, col, value}, or {layer, bias, value} for a bias. */
function weightBody(target, value) {
  return isBias(target) ? { layer: target.layer, bias: target.row, value }
    : { layer: target.layer, row: target.row, col: target.col, value };
}

/** Returns the value at target in layers as a maps event holds them ([{w: [[...]], b: [...]}]), or null. */
function weightOf(layers, target) {
  const l = layers && layers[target.layer];
  if (!l || !l.w[target.row]) return null;
  const v = isBias(target) ? l.b[target.row] : l.w[target.row][target.col];
  return v === undefined ? null : v;
}

/**
 * Returns what the editor offers for unit row of layer (its bias, then the weight from each of its inputs), each
 * {target, label, value}; layers as a maps event holds them.
 */
function unitChoices(layers, layer, row, name) {
  const l = layers && layers[layer];
  if (!l || !l.w[row]) return [];
  const list = [{ layer, row, col: null }].concat(l.w[row].map((_, col) => ({ layer, row, col })));
  return list.map((target) => ({ target, label: isBias(target) ? 'bias' : 'from ' + name(layer, target.col),
    value: weightOf(layers, target) }));
}

/**
 * Returns the largest absolute weight (at least 1e-6), the scale edges are drawn to; with biases, of the weights and
 * the biases, the scale biases are coloured to (a large bias does not thin every edge).
 */
function largestWeight(layers, biases) {
  let most = 1e-6;
  (layers || []).forEach((l) => {
    l.w.forEach((row) => row.forEach((v) => { most = Math.max(most, Math.abs(v)); }));
    if (biases) l.b.forEach((v) => { most = Math.max(most, Math.abs(v)); });
  });
  return most;
}

/** Returns an edge's stroke width for weight v of the drawing's largest, most: 0.4 to 5.4 px. */
function edgeWidth(v, most) {
  return 0.4 + 5 * Math.min(1, Math.abs(v) / most);
}

/** Returns a weight's or bias's colour: as the edges, positive in `pos`, negative in `neg`, paler the smaller. */
function signColour(v, most, pos, neg) {
  const t = Math.min(1, Math.abs(v) / most);
  return (v >= 0 ? pos : neg).map((c) => Math.round(255 + (c - 255) * (0.25 + 0.75 * t)));
}

/** Returns a value as labels show it: three decimals, more for small ones, no '-0.000'. */
function weightText(v) {
  const a = Math.abs(v);
  const t = a !== 0 && a < 0.001 ? v.toPrecision(2) : v.toFixed(3);
  return /^-0\.0+$/.test(t) ? t.substring(1) : t;
}

export { nodeName, targetName, isBias, parseWeight, weightBody, weightOf, unitChoices, largestWeight, edgeWidth,
  signColour, weightText };
