// Drawnet studio: share links (the settings and the drawing in the address's fragment) and the settings in the
// address's query, without the page: text in, text out. An ES module, tested with Node's test runner
// (src/test/js/share.test.mjs).
import { SETTING_KEYS } from './settings.js';
import { decodeDrawing } from './drawing.js';

async function deflate(bytes) {
  const cs = new CompressionStream('deflate-raw');
  const out = new Response(new Blob([bytes]).stream().pipeThrough(cs)).arrayBuffer();
  return new Uint8Array(await out);
}
async function inflate(bytes) {
  const ds = new DecompressionStream('deflate-raw');
  return new Uint8Array(await new Response(new Blob([bytes]).stream().pipeThrough(ds)).arrayBuffer());
}
function toBase64Url(bytes) {
  let s = '';
  bytes.forEach((b) => { s += String.fromCharCode(b); });
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
function fromBase64Url(text) {
  const s = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(s, (c) => c.charCodeAt(0));
}
/**
 * Returns the fragment that opens an experiment: its settings as JSON and its drawing (as encodeDrawing gives it),
 * deflated: 'v=1&s=...&d=...' for a drawing in black alone, 'v=2&s=...&c=e69f00.56b4e9&d=...' in colours.
 */
async function shareFragment(settings, drawing) {
  const s = 's=' + encodeURIComponent(JSON.stringify(settings));
  if (drawing.version === '1') return 'v=1&' + s + '&d=' + toBase64Url(await deflate(drawing.bytes));
  return 'v=2&' + s + '&c=' + drawing.colours.map((c) => c.slice(1)).join('.') + '&d='
    + toBase64Url(await deflate(drawing.bytes));
}
/**
 * Returns what a share link's fragment (without '#') holds, its drawing still packed: {version, settings, params}.
 *
 * @throws Error for a fragment over the studio's limit, of no known version, or with settings that are not JSON
 */
function readLink(hash, limits) {
  const max = limits ? limits.maxShareBytes : 8192;
  if (hash.length > max) throw new Error('the link holds ' + hash.length + ' bytes; at most ' + max + ' are read');
  const p = new URLSearchParams(hash);
  const version = p.get('v');
  if (version !== '1' && version !== '2') throw new Error('the link is not a Drawnet studio experiment (expected v=1 or v=2)');
  let s;
  try { s = JSON.parse(p.get('s') || '{}'); } catch (e) { throw new Error('the link\'s settings are not readable'); }
  return { version, settings: s, params: p };
}
/**
 * Returns the drawing of a link read by readLink, n pixels: {colours (hex codes, none in version 1), rgba}, or
 * null for a link without one.
 *
 * @throws Error for a drawing that cannot be inflated, names too few or too many colours, or is not n pixels
 */
async function linkDrawing(link, limits, n) {
  const p = link.params;
  if (!p.get('d')) return null;
  let bytes;
  try { bytes = await inflate(fromBase64Url(p.get('d'))); } catch (e) { throw new Error('the link\'s drawing is not readable'); }
  let colours = [];
  if (link.version === '2') {
    colours = String(p.get('c') || '').split('.').filter((c) => /^[0-9a-f]{6}$/i.test(c)).map((c) => '#' + c);
    const most = limits ? limits.maxClasses - 1 : 7;
    if (!colours.length || colours.length > most) {
      throw new Error('the link\'s drawing names ' + colours.length + ' colours; 1 to ' + most + ' are allowed');
    }
  }
  return { colours, rgba: decodeDrawing(link.version, bytes, colours, n) };
}

// ---- the settings in the address's query ---------------------------------------------------
// the settings the address carries, as the server names them
const ADDRESS_KEYS = ['backend', 'features'].concat(SETTING_KEYS);
/** Returns the settings that differ from the server's defaults, by key, as the address's query carries them. */
function addressSettings(s, defaults, defaultBackend, keys) {
  const q = {};
  if (s.backend !== defaultBackend) q.backend = s.backend;
  keys.forEach((k) => { if (String(s[k]).trim() !== String(defaults[k])) q[k] = String(s[k]).trim(); });
  if (s.features.join(',') !== defaults.features.join(',')) q.features = s.features.join(',');
  return q;
}
/**
 * Returns the address's query ('' or '?...') for settings s: the query search (location.search) with its settings
 * replaced by those that differ from the defaults, every other parameter (the access key) kept.
 */
function addressQuery(search, s, defaults, defaultBackend) {
  const q = new URLSearchParams(search);
  ADDRESS_KEYS.forEach((k) => q.delete(k));
  Object.entries(addressSettings(s, defaults, defaultBackend, SETTING_KEYS)).forEach(([k, v]) => q.set(k, v));
  const query = q.toString().replace(/%2C/gi, ',');
  return query ? '?' + query : '';
}
/** Returns the settings an address's query (location.search) carries, by key; empty when it carries none. */
function addressedSettings(search) {
  const q = new URLSearchParams(search);
  const s = {};
  ['backend'].concat(SETTING_KEYS).forEach((k) => { if (q.has(k)) s[k] = q.get(k); });
  if (q.has('features')) s.features = q.get('features').split(',').filter(Boolean);
  return s;
}

export { deflate, inflate, toBase64Url, fromBase64Url, shareFragment, readLink, linkDrawing, ADDRESS_KEYS,
  addressSettings, addressQuery, addressedSettings };
