// Drawnet studio: the settings form's logic that touches no page (the keys sent, the steppers' ladders, the hidden
// layers' text, what Continue compares). An ES module, tested with Node's test runner (src/test/js/settings.test.mjs).

// the settings the page sends, by the server's keys; their defaults come from the server (/api/info)
const SETTING_KEYS = ['hidden', 'activation', 'optimizer', 'learningRate', 'weightDecay', 'l1', 'batchSize', 'epochs',
  'trainSize', 'validationSize', 'testSize', 'noise', 'seed'];

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

/**
 * Returns the ladder a setting's stepper goes through, cut at the studio's limits (epochs and point counts), or null
 * for a setting stepped by whole numbers (the seed).
 */
function ladderFor(key, limits) {
  const full = LADDERS[key];
  const most = key === 'epochs' ? limits.maxEpochs : SIZES === full ? limits.maxPoints : Infinity;
  return full && full.filter((v) => v <= most);
}

export { SETTING_KEYS, comparable, SIZES, LADDERS, stepValue, parseHidden, hiddenText, ladderFor };
