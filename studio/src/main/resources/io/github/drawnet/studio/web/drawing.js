// Drawnet studio: the drawing's colours and its encoding for a share link, without the canvas: image data in,
// bytes out, and back. An ES module, tested with Node's test runner (src/test/js/drawing.test.mjs).

function rgbOf(hex) {
  const v = parseInt(String(hex).replace('#', ''), 16);
  return [(v >> 16) & 255, (v >> 8) & 255, v & 255];
}
function hexOf(rgb) {
  return '#' + rgb.map((v) => v.toString(16).padStart(2, '0')).join('');
}
/** Returns the index in colours (a list of [r, g, b]) of the colour nearest to (r, g, b). */
function nearestColour(colours, r, g, b) {
  let best = 0, bestD = Infinity;
  for (let k = 0; k < colours.length; k++) {
    const c = colours[k];
    const d = (c[0] - r) * (c[0] - r) + (c[1] - g) * (c[1] - g) + (c[2] - b) * (c[2] - b);
    if (d < bestD) { bestD = d; best = k; }
  }
  return best;
}
/** Returns what pixel i of image data a is: -1 for the background (mostly transparent), else its colour's index. */
function keyOf(colours, a, i) {
  return a[i * 4 + 3] < 128 ? -1 : nearestColour(colours, a[i * 4], a[i * 4 + 1], a[i * 4 + 2]);
}

/**
 * Returns a drawing's RGBA image data (n pixels) as a share link carries it. A drawing in black alone (the
 * notebook's, colour 0) is 1 bit a pixel: {version: '1', bytes}. In other or several colours, each pixel is the
 * index of its class (0 the background, 1.. the colours listed, in order of first appearance) in one byte:
 * {version: '2', colours: ['#e69f00', ...], bytes}.
 */
function encodeDrawing(data, colours) {
  const n = data.length / 4;
  const keys = new Int16Array(n);
  const used = [];
  for (let i = 0; i < n; i++) {
    keys[i] = keyOf(colours, data, i);
    if (keys[i] >= 0 && !used.includes(keys[i])) used.push(keys[i]);
  }
  if (used.length === 0 || (used.length === 1 && used[0] === 0)) {
    const bits = new Uint8Array(n / 8);
    for (let i = 0; i < n; i++) if (keys[i] >= 0) bits[i >> 3] |= 1 << (i & 7);
    return { version: '1', colours: [], bytes: bits };
  }
  const classes = new Uint8Array(n);
  for (let i = 0; i < n; i++) classes[i] = keys[i] < 0 ? 0 : used.indexOf(keys[i]) + 1;
  return { version: '2', colours: used.map((k) => hexOf(colours[k])), bytes: classes };
}

/**
 * Returns the RGBA image data (n pixels) of a drawing as a share link carries it (see encodeDrawing): version '1',
 * opaque black where a bit is set; version '2', each class in its colour (hex codes, class 1 first) and the
 * background transparent.
 *
 * @throws Error naming what is wrong: not n pixels, or a class beyond the colours listed
 */
function decodeDrawing(version, bytes, colours, n) {
  const data = new Uint8ClampedArray(n * 4);
  if (version === '1') {
    if (bytes.length !== n / 8) throw new Error('the link\'s drawing is not 256 x 256');
    for (let i = 0; i < n; i++) data[i * 4 + 3] = (bytes[i >> 3] >> (i & 7)) & 1 ? 255 : 0;
    return data;
  }
  if (bytes.length !== n) throw new Error('the link\'s drawing is not 256 x 256');
  const rgbs = colours.map(rgbOf);
  for (let i = 0; i < n; i++) {
    const k = bytes[i];
    if (k > rgbs.length) throw new Error('the link\'s drawing has class ' + k + ' of ' + rgbs.length + ' colours');
    if (k === 0) continue;
    data[i * 4] = rgbs[k - 1][0]; data[i * 4 + 1] = rgbs[k - 1][1]; data[i * 4 + 2] = rgbs[k - 1][2];
    data[i * 4 + 3] = 255;
  }
  return data;
}

export { rgbOf, hexOf, nearestColour, keyOf, encodeDrawing, decodeDrawing };
