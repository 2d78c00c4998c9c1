// The drawing module (colours, and the drawing as a share link packs it), by itself: node --test src/test/js.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as logic from '../../main/resources/io/github/drawnet/studio/web/drawing.js';

const BLACK = [0, 0, 0], ORANGE = [230, 159, 0], SKY = [86, 180, 233];
const COLOURS = [BLACK, ORANGE, SKY];

/** Returns RGBA image data of the pixels given as [r, g, b, a] each. */
function image(pixels) {
  return Uint8ClampedArray.from(pixels.flat());
}

test('rgbOf and hexOf: a colour and its code, either way', () => {
  assert.deepEqual(logic.rgbOf('#e69f00'), ORANGE);
  assert.deepEqual(logic.rgbOf('56b4e9'), SKY);
  assert.equal(logic.hexOf(ORANGE), '#e69f00');
  assert.equal(logic.hexOf([0, 7, 255]), '#0007ff');
});

test('nearestColour: the nearest by squared distance, the first of equals', () => {
  assert.equal(logic.nearestColour(COLOURS, 229, 160, 2), 1);
  assert.equal(logic.nearestColour(COLOURS, 10, 10, 10), 0);
  assert.equal(logic.nearestColour(COLOURS, 90, 175, 230), 2);
  assert.equal(logic.nearestColour([ORANGE, ORANGE], 0, 0, 0), 0);
});

test('keyOf: mostly transparent pixels are the background, others their nearest colour', () => {
  const a = image([[230, 159, 0, 255], [230, 159, 0, 127], [230, 159, 0, 128], [0, 0, 0, 0]]);
  assert.deepEqual([0, 1, 2, 3].map((i) => logic.keyOf(COLOURS, a, i)), [1, -1, 1, -1]);
});

test('encodeDrawing: black ink alone is one bit a pixel, lowest bit first (v=1)', () => {
  const px = Array.from({ length: 16 }, (_, i) => (i === 0 || i === 9 || i === 15 ? [0, 0, 0, 255] : [0, 0, 0, 0]));
  const d = logic.encodeDrawing(image(px), COLOURS);
  assert.equal(d.version, '1');
  assert.deepEqual(d.colours, []);
  assert.deepEqual(Array.from(d.bytes), [0b00000001, 0b10000010]);
  // a blank drawing is v=1 too
  assert.equal(logic.encodeDrawing(image(Array(16).fill([0, 0, 0, 0])), COLOURS).version, '1');
});

test('encodeDrawing: other or several colours are one class a byte, numbered by first appearance (v=2)', () => {
  const px = [[0, 0, 0, 0], [86, 180, 233, 255], [230, 159, 0, 255], [86, 180, 233, 255],
    [0, 0, 0, 255], [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0]];
  const d = logic.encodeDrawing(image(px), COLOURS);
  assert.equal(d.version, '2');
  assert.deepEqual(d.colours, ['#56b4e9', '#e69f00', '#000000']);
  assert.deepEqual(Array.from(d.bytes), [0, 1, 2, 1, 3, 0, 0, 0]);
  // one colour that is not black is v=2 as well
  assert.equal(logic.encodeDrawing(image([[230, 159, 0, 255], ...Array(7).fill([0, 0, 0, 0])]), COLOURS).version, '2');
});

test('decodeDrawing: what encodeDrawing packs comes back, in both versions', () => {
  const px = [[0, 0, 0, 0], [86, 180, 233, 255], [230, 159, 0, 255], [0, 0, 0, 0],
    [0, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [86, 180, 233, 255]];
  const d = logic.encodeDrawing(image(px), COLOURS);
  assert.deepEqual(Array.from(logic.decodeDrawing(d.version, d.bytes, d.colours, 8)), px.flat());
  const black = [[0, 0, 0, 255], ...Array(14).fill([0, 0, 0, 0]), [0, 0, 0, 255]];
  const b = logic.encodeDrawing(image(black), COLOURS);
  assert.deepEqual(Array.from(logic.decodeDrawing(b.version, b.bytes, b.colours, 16)), black.flat());
});

test('decodeDrawing: the wrong size, or a class beyond the colours listed, is refused by name', () => {
  assert.throws(() => logic.decodeDrawing('1', new Uint8Array(3), [], 16), /the link's drawing is not 256 x 256/);
  assert.throws(() => logic.decodeDrawing('2', new Uint8Array(15), ['#e69f00'], 16), /is not 256 x 256/);
  assert.throws(() => logic.decodeDrawing('2', Uint8Array.from([0, 1, 2, 0]), ['#e69f00'], 4),
    /the link's drawing has class 2 of 1 colours/);
});
