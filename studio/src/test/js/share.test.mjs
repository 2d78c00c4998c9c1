// The share module (share links and the settings in the address), by itself: node --test src/test/js.
import test from 'node:test';
import assert from 'node:assert/strict';
import * as logic from '../../main/resources/io/github/drawnet/studio/web/share.js';
import { encodeDrawing } from '../../main/resources/io/github/drawnet/studio/web/drawing.js';

const N = 256 * 256;
const LIMITS = { maxShareBytes: 8192, maxClasses: 8 };
// links in the format the studio has written since share links began, made outside the page (Python's zlib, raw
// deflate; base64url without padding): they must keep opening. v=1: the rectangle x in [61, 131), y in [32, 96)
// (y down, as in the canvas); v=2: the left half orange (class 1), the bottom right 64 x 64 sky blue (class 2).
const TODAY_V1 = 'v=1&s=%7B%22backend%22%3A%22reference%22%2C%22hidden%22%3A%223%2C6%22%2C%22activation%22%3A%22tanh%22%2C%22optimizer%22%3A%22adam%22%2C%22learningRate%22%3A%220.03%22%2C%22weightDecay%22%3A%220%22%2C%22l1%22%3A%220%22%2C%22batchSize%22%3A%2210%22%2C%22epochs%22%3A%22100%22%2C%22trainSize%22%3A%22500%22%2C%22validationSize%22%3A%22200%22%2C%22testSize%22%3A%22500%22%2C%22noise%22%3A%220%22%2C%22seed%22%3A%227%22%2C%22features%22%3A%5B%22x1%22%2C%22x2%22%2C%22x1x2%22%5D%7D&d=7ckxAQAABAAwn_4NNeGRgu1dBPBc9Urvvffef3kAAAAA4KAB';
const TODAY_V2 = 'v=2&s=%7B%22backend%22%3A%22reference%22%2C%22hidden%22%3A%223%2C6%22%2C%22activation%22%3A%22tanh%22%2C%22optimizer%22%3A%22adam%22%2C%22learningRate%22%3A%220.03%22%2C%22weightDecay%22%3A%220%22%2C%22l1%22%3A%220%22%2C%22batchSize%22%3A%2210%22%2C%22epochs%22%3A%22100%22%2C%22trainSize%22%3A%22500%22%2C%22validationSize%22%3A%22200%22%2C%22testSize%22%3A%22500%22%2C%22noise%22%3A%220%22%2C%22seed%22%3A%227%22%2C%22features%22%3A%5B%22x1%22%2C%22x2%22%2C%22x1x2%22%5D%7D&c=e69f00.56b4e9&d=7c9BDQAwCAQwDv-iJ2Ik8GgdNNlVy-Lv7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-8_8O9P_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v7-_v4X_g8';
const TODAY_SETTINGS = { backend: 'reference', hidden: '3,6', activation: 'tanh', optimizer: 'adam', learningRate: '0.03',
  weightDecay: '0', l1: '0', batchSize: '10', epochs: '100', trainSize: '500', validationSize: '200', testSize: '500',
  noise: '0', seed: '7', features: ['x1', 'x2', 'x1x2'] };

test('a v=1 link of today opens: its settings, and its drawing pixel for pixel', async () => {
  const link = logic.readLink(TODAY_V1, LIMITS);
  assert.equal(link.version, '1');
  assert.deepEqual(link.settings, TODAY_SETTINGS);
  const d = await logic.linkDrawing(link, LIMITS, N);
  assert.deepEqual(d.colours, []);
  let drawn = 0;
  for (let y = 0; y < 256; y++) {
    for (let x = 0; x < 256; x++) {
      const i = (y * 256 + x) * 4;
      const inside = x >= 61 && x < 131 && y >= 32 && y < 96;
      assert.equal(d.rgba[i + 3], inside ? 255 : 0, 'alpha at ' + x + ',' + y);
      assert.deepEqual([d.rgba[i], d.rgba[i + 1], d.rgba[i + 2]], [0, 0, 0]);
      if (inside) drawn++;
    }
  }
  assert.equal(drawn, 70 * 64);
});

test('a v=2 link of today opens: its colours, and each pixel in its class\'s colour', async () => {
  const link = logic.readLink(TODAY_V2, LIMITS);
  assert.equal(link.version, '2');
  assert.deepEqual(link.settings, TODAY_SETTINGS);
  const d = await logic.linkDrawing(link, LIMITS, N);
  assert.deepEqual(d.colours, ['#e69f00', '#56b4e9']);
  const at = (x, y) => Array.from(d.rgba.slice((y * 256 + x) * 4, (y * 256 + x) * 4 + 4));
  assert.deepEqual(at(0, 0), [230, 159, 0, 255]);
  assert.deepEqual(at(127, 255), [230, 159, 0, 255]);
  assert.deepEqual(at(128, 0), [0, 0, 0, 0]);
  assert.deepEqual(at(191, 200), [0, 0, 0, 0]);
  assert.deepEqual(at(192, 192), [86, 180, 233, 255]);
  assert.deepEqual(at(255, 255), [86, 180, 233, 255]);
});

test('shareFragment then readLink and linkDrawing: a drawing comes back whole, in both versions', async () => {
  const colours = [[0, 0, 0], [230, 159, 0], [86, 180, 233]];
  for (const paint of [(i) => (i % 7 === 0 ? [0, 0, 0, 255] : [0, 0, 0, 0]),
    (i) => (i % 5 === 0 ? [230, 159, 0, 255] : i % 3 === 0 ? [86, 180, 233, 255] : [0, 0, 0, 0])]) {
    const data = Uint8ClampedArray.from(Array.from({ length: N }, (_, i) => paint(i)).flat());
    const settings = { hidden: '8,4', features: ['x1', 'x2'] };
    const fragment = await logic.shareFragment(settings, encodeDrawing(data, colours));
    const link = logic.readLink(fragment, LIMITS);
    assert.deepEqual(link.settings, settings);
    const back = await logic.linkDrawing(link, LIMITS, N);
    assert.deepEqual(back.rgba, data);
  }
});

test('shareFragment: the parts in the order today\'s links have them', async () => {
  const f1 = await logic.shareFragment({ hidden: '4' }, { version: '1', colours: [], bytes: new Uint8Array(8) });
  assert.match(f1, /^v=1&s=%7B%22hidden%22%3A%224%22%7D&d=[A-Za-z0-9_-]+$/);
  const f2 = await logic.shareFragment({}, { version: '2', colours: ['#e69f00', '#56b4e9'], bytes: new Uint8Array(8) });
  assert.match(f2, /^v=2&s=%7B%7D&c=e69f00\.56b4e9&d=[A-Za-z0-9_-]+$/);
});

test('readLink: a link too long, of no known version, or with unreadable settings is refused by name', () => {
  assert.throws(() => logic.readLink('v=1&s=' + 'x'.repeat(100), { maxShareBytes: 50 }),
    { message: 'the link holds 106 bytes; at most 50 are read' });
  assert.throws(() => logic.readLink('x'.repeat(8193), null), /at most 8192 are read/);
  assert.throws(() => logic.readLink('v=3&s=%7B%7D', LIMITS), /expected v=1 or v=2/);
  assert.throws(() => logic.readLink('s=%7B%7D', LIMITS), /not a Drawnet studio experiment/);
  assert.throws(() => logic.readLink('v=1&s=%7Bhidden', LIMITS), /the link's settings are not readable/);
  assert.deepEqual(logic.readLink('v=1', LIMITS).settings, {});
});

test('linkDrawing: no drawing is null; a broken one, or too few or many colours, is refused by name', async () => {
  assert.equal(await logic.linkDrawing(logic.readLink('v=1&s=%7B%7D', LIMITS), LIMITS, N), null);
  await assert.rejects(logic.linkDrawing(logic.readLink('v=1&d=AAAA', LIMITS), LIMITS, N),
    /the link's drawing is not readable/);
  const d = TODAY_V2.slice(TODAY_V2.indexOf('&d='));
  await assert.rejects(logic.linkDrawing(logic.readLink('v=2&c=zz' + d, LIMITS), LIMITS, N),
    /names 0 colours; 1 to 7 are allowed/);
  await assert.rejects(logic.linkDrawing(logic.readLink('v=2&c=e69f00.56b4e9.009e73' + d, LIMITS),
    { maxShareBytes: 8192, maxClasses: 3 }, N), /names 3 colours; 1 to 2 are allowed/);
  await assert.rejects(logic.linkDrawing(logic.readLink('v=2&c=e69f00' + d, LIMITS), LIMITS, N),
    /has class 2 of 1 colours/);
  // a v=1 drawing of another size
  await assert.rejects(logic.linkDrawing(logic.readLink(TODAY_V1, LIMITS), LIMITS, 128 * 128), /is not 256 x 256/);
});

test('toBase64Url and fromBase64Url: URL-safe, unpadded, either way', () => {
  const bytes = Uint8Array.from([251, 255, 191, 0, 1]);
  assert.equal(logic.toBase64Url(bytes), '-_-_AAE');
  assert.deepEqual(logic.fromBase64Url('-_-_AAE'), bytes);
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
test('addressQuery: the settings that differ replace those in the query, other parameters stay', () => {
  const defaults = { hidden: '4', activation: 'tanh', learningRate: '0.01', epochs: '100', features: ['x1', 'x2'] };
  const s = { backend: 'djl', hidden: '8,4', activation: 'tanh', learningRate: '0.01', epochs: '100',
    features: ['x1', 'x2'] };
  assert.equal(logic.addressQuery('?key=abc&hidden=2&epochs=7', s, defaults, 'djl'), '?key=abc&hidden=8,4');
  assert.equal(logic.addressQuery('', Object.assign({}, s, { hidden: '4' }), defaults, 'djl'), '');
  assert.equal(logic.addressQuery('?key=abc', Object.assign({}, s, { hidden: '4' }), defaults, 'djl'), '?key=abc');
  assert.equal(logic.addressQuery('', Object.assign({}, s, { backend: 'reference', features: ['x1', 'x2', 'x1x2'] }),
    defaults, 'djl'), '?backend=reference&hidden=8,4&features=x1,x2,x1x2');
});

test('addressedSettings: the settings the query carries, and only those', () => {
  assert.deepEqual(logic.addressedSettings('?key=abc&hidden=8,4&features=x1,,x2&seed=3&backend=djl&other=1'),
    { backend: 'djl', hidden: '8,4', seed: '3', features: ['x1', 'x2'] });
  assert.deepEqual(logic.addressedSettings(''), {});
  assert.deepEqual(logic.ADDRESS_KEYS.slice(0, 3), ['backend', 'features', 'hidden']);
});
