// Drawnet studio: the page's logic that touches no page, loaded before studio.js (whose functions call these by
// name) and tested by itself with Node's test runner (src/test/js, run by PageLogicTest).
'use strict';

// The ink colours to draw classes with: Okabe and Ito's palette (without its yellow, faint on white), whose
// colours stay apart under the common colour-vision deficiencies. The first is the notebook's black ink: a
// drawing in one colour is the notebook's two-class drawing, drawn and read as before.
const PALETTE = [
  { name: 'black', hex: '#000000' },
  { name: 'orange', hex: '#e69f00' },
  { name: 'sky blue', hex: '#56b4e9' },
  { name: 'bluish green', hex: '#009e73' },
  { name: 'vermillion', hex: '#d55e00' },
  { name: 'blue', hex: '#0072b2' },
  { name: 'reddish purple', hex: '#cc79a7' },
];

/** Returns the palette's name of a colour ('orange' for #e69f00), or its hex code for a colour not in the palette. */
function paletteName(hex) {
  const h = String(hex).toLowerCase();
  const c = PALETTE.find((p) => p.hex === h);
  return c ? c.name : h;
}

/** Returns the text with each hex code of a palette colour replaced by the colour's name. */
function named(text) {
  return String(text).replace(/#[0-9a-f]{6}\b/gi, (h) => paletteName(h));
}

/**
 * Returns the seconds to wait before attempt n (2, 3, ...): 5, 10, 20, 40, then 60, each give or take a tenth, so
 * that a class refused at once does not come back at once.
 */
function retryDelay(n, random) {
  const base = Math.min(60, 5 * Math.pow(2, Math.max(0, n - 2)));
  return Math.max(1, Math.round(base * (0.9 + 0.2 * (random || Math.random)())));
}

/** Returns settings as Continue compares them with a run's: without the epochs, which Continue and Step do not use. */
function comparable(s) {
  const c = Object.assign({}, s);
  delete c.epochs;
  return JSON.stringify(c);
}

const SIZES = [100, 200, 500, 1000, 2000, 3000, 5000, 10000, 20000, 50000, 100000];

// the values a stepper goes through, as in TensorFlow Playground's menus; the seed steps by one
const LADDERS = {
  learningRate: [0.00001, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10],
  weightDecay: [0, 0.00001, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1],
  l1: [0, 0.00001, 0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1],
  noise: [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5],
  batchSize: [1, 2, 4, 8, 10, 16, 24, 32, 64, 128, 256, 512, 1000],
  epochs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000],
  trainSize: SIZES, validationSize: SIZES, testSize: SIZES,
  seed: null,
};

/**
 * Returns the value one step up (dir 1) or down (dir -1) from text: the ladder's next value beyond it (its ends stay
 * put), or for no ladder the next whole number, at least 0. Text that is not a number steps from the ladder's end.
 */
function stepValue(text, ladder, dir) {
  const t = String(text).trim();
  const v = Number(t);
  if (!ladder) return String(t === '' || !Number.isFinite(v) ? 0 : Math.max(0, Math.round(v) + dir));
  if (t === '' || !Number.isFinite(v)) return String(dir > 0 ? ladder[0] : ladder[ladder.length - 1]);
  const tol = Math.abs(v) * 1e-9;
  if (dir > 0) {
    const next = ladder.find((x) => x > v + tol);
    return String(next === undefined ? ladder[ladder.length - 1] : next);
  }
  const below = ladder.filter((x) => x < v - tol);
  return String(below.length ? below[below.length - 1] : ladder[0]);
}

/** Returns the hidden layer sizes of the field's text ('none' or empty: no layer), or null for text that is not sizes. */
function parseHidden(text) {
  const t = String(text).trim();
  if (t === '' || t.toLowerCase() === 'none') return [];
  const parts = t.split(',').map((v) => v.trim());
  return parts.every((v) => /^[0-9]+$/.test(v) && Number(v) > 0) ? parts.map(Number) : null;
}

function hiddenText(sizes) {
  return sizes.length ? sizes.join(',') : 'none';
}

/** Returns the settings that differ from the server's defaults, by key, as the address's query carries them. */
function addressSettings(s, defaults, defaultBackend, keys) {
  const q = {};
  if (s.backend !== defaultBackend) q.backend = s.backend;
  keys.forEach((k) => { if (String(s[k]).trim() !== String(defaults[k])) q[k] = String(s[k]).trim(); });
  if (s.features.join(',') !== defaults.features.join(',')) q.features = s.features.join(',');
  return q;
}

if (typeof module !== 'undefined') {
  module.exports = { PALETTE, paletteName, named, retryDelay, comparable, LADDERS, stepValue, parseHidden, hiddenText,
    addressSettings };
}
