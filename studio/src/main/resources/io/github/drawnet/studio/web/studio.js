// Drawnet studio: the page. Draws on a 256 x 256 canvas that always holds the class mask the server
// trains on (opaque ink = drawn, transparent = the background; in one colour the notebook's two classes,
// in several colours one class per colour), sends it and the settings to the server, and follows
// training over server-sent events: curves, the network with each unit's map, the output map (a class
// map for more than two classes) with the points, and what the hidden layer sees. An ES module: the logic that
// touches no page lives in the modules it imports, each tested by itself with Node's test runner (src/test/js).
'use strict';
import { PALETTE, paletteName, named } from './studio-logic.js';
import { SETTING_KEYS, comparable, LADDERS, stepValue, parseHidden, hiddenText, ladderFor } from './settings.js';
import { rgbOf, hexOf, nearestColour as nearestIn, keyOf as keyIn, encodeDrawing } from './drawing.js';
import { shareFragment as fragmentOf, readLink, linkDrawing, addressQuery, addressedSettings } from './share.js';
import { retryDelay, busy, retriesStart, retryText, statusAnnouncement, startAnnouncement, placeAfter } from './queue.js';
import { buttonStates, oneClass, oneClassNotice } from './state.js';
import { nodeName, targetName, isBias, parseWeight, weightBody, weightOf, unitChoices, largestWeight, edgeWidth,
  signColour, weightText } from './network-edit.js';

const $ = (id) => document.getElementById(id);
const canvas = $('canvas');
const ctx = canvas.getContext('2d', { willReadFrequently: true });
const SVG_NS = 'http://www.w3.org/2000/svg';
const POS = [8, 119, 189];     // positive class, as in TensorFlow Playground
const NEG = [245, 147, 34];    // negative class
let ink = 0;                // the palette colour the brush and the fill paint with
// the colours a canvas pixel may be told to be: the palette's, then those of drawings the server read
const knownColours = PALETTE.map((c) => rgbOf(c.hex));
// the classes of the run shown: their count and, for more than two, their colours on the maps (class 0 first)
let classCount = 2;
let classNames = [];
let classColours = [NEG, POS];
let drawnClasses = 1;       // the classes the canvas shows now (its colours and the background), as the page counts
const undoStack = [];
let tool = 'brush';
let drawing = false;
let last = null;
let sessionId = null;
let token = null;
const accessKey = new URLSearchParams(location.search).get('key');
let events = null;
let info = null;
let state = 'starting';
let history = [];
let points = null;          // {train: {x1, x2, label}, test: {...}}
let lastMaps = null;
let unitMaps = [];          // the latest hidden unit maps, by layer then unit
let continueEpochs = 10;
let ended = false;

// ---- drawing ------------------------------------------------------------------------------
/** Returns the index in knownColours of the colour nearest to (r, g, b). */
function nearestColour(r, g, b) {
  return nearestIn(knownColours, r, g, b);
}
/** Returns what pixel i of image data a is: -1 for the background (mostly transparent), else its colour's index. */
function keyOf(a, i) {
  return keyIn(knownColours, a, i);
}
function remember(hex) {
  const rgb = rgbOf(hex);
  if (!knownColours.some((c) => c[0] === rgb[0] && c[1] === rgb[1] && c[2] === rgb[2])) knownColours.push(rgb);
}
function pos(e) {
  const r = canvas.getBoundingClientRect();
  return { x: (e.clientX - r.left) * canvas.width / r.width, y: (e.clientY - r.top) * canvas.height / r.height };
}
function snapshot() {
  undoStack.push(ctx.getImageData(0, 0, canvas.width, canvas.height));
  if (undoStack.length > 30) undoStack.shift();
}
function stroke(from, to) {
  ctx.save();
  ctx.globalCompositeOperation = tool === 'eraser' ? 'destination-out' : 'source-over';
  ctx.strokeStyle = PALETTE[ink].hex;
  ctx.lineWidth = Number($('brush-size').value);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  ctx.beginPath();
  ctx.moveTo(from.x, from.y);
  ctx.lineTo(to.x + 0.01, to.y);
  ctx.stroke();
  ctx.restore();
}
function floodFill(p) {
  const w = canvas.width, h = canvas.height;
  const img = ctx.getImageData(0, 0, w, h);
  const a = img.data;
  const x0 = Math.floor(p.x), y0 = Math.floor(p.y);
  if (x0 < 0 || y0 < 0 || x0 >= w || y0 >= h) return;
  // fill the region of the same class with the colour; a region of the colour itself becomes background again
  const inside = keyOf(a, y0 * w + x0);
  const clear = inside === ink;
  const rgb = knownColours[ink];
  const seen = new Uint8Array(w * h);
  const stack = [y0 * w + x0];
  while (stack.length) {
    const i = stack.pop();
    if (seen[i]) continue;
    seen[i] = 1;
    if (keyOf(a, i) !== inside) continue;
    a[i * 4] = clear ? 0 : rgb[0]; a[i * 4 + 1] = clear ? 0 : rgb[1]; a[i * 4 + 2] = clear ? 0 : rgb[2];
    a[i * 4 + 3] = clear ? 0 : 255;
    const x = i % w, y = (i - x) / w;
    if (x > 0) stack.push(i - 1);
    if (x < w - 1) stack.push(i + 1);
    if (y > 0) stack.push(i - w);
    if (y < h - 1) stack.push(i + w);
  }
  ctx.putImageData(img, 0, 0);
}
function positiveShare() {
  const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  let n = 0;
  for (let i = 3; i < d.length; i += 4) if (d[i] >= 128) n++;
  return n / (canvas.width * canvas.height);
}
/** Returns how many pixels of the canvas each known colour holds (mostly transparent ones are the background). */
function colourCounts() {
  const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const counts = new Array(knownColours.length).fill(0);
  for (let i = 0; i < canvas.width * canvas.height; i++) {
    const k = keyOf(d, i);
    if (k >= 0) counts[k]++;
  }
  return counts;
}
function swatch(rgb, label) {
  const s = document.createElement('span');
  s.className = 'swatch';
  s.style.backgroundColor = 'rgb(' + rgb + ')';
  if (label) {
    s.setAttribute('role', 'img');
    s.setAttribute('aria-label', label);
  }
  // the colour's code for those who want it, in a tooltip: the name is what the page says
  s.title = (label ? label + ': ' : '') + hexOf(rgb.map(Number));
  return s;
}
function drawingChanged(readAs) {
  $('positive-share').textContent = (100 * positiveShare()).toFixed(1) + '%';
  // in several colours: each colour's share, as the page sees it (the server's reading follows with Start)
  const counts = colourCounts();
  const used = counts.map((n, k) => [n, k]).filter(([n]) => n > 0);
  const box = $('colour-shares');
  box.textContent = '';
  $('drawn-label').textContent = used.length > 1 ? 'Drawn:' : 'Positive class:';
  if (used.length + 1 !== drawnClasses) {
    // an untrained network's diagram shows as many outputs as the drawing will have classes
    drawnClasses = used.length + 1;
    if (!lastMaps) drawNetwork();
  }
  if (used.length > 1) {
    box.appendChild(document.createTextNode(' in ' + used.length + ' colours:'));
    used.sort((a, b) => b[0] - a[0]).forEach(([n, k]) => {
      box.appendChild(document.createTextNode(' '));
      box.appendChild(swatch(knownColours[k], colourName(k)));
      box.appendChild(document.createTextNode(' ' + (100 * n / (canvas.width * canvas.height)).toFixed(1) + '%'));
    });
  }
  if (readAs !== undefined) $('read-as').textContent = readAs;
  storeDrawing();
}
function colourName(k) {
  return k < PALETTE.length ? PALETTE[k].name : hexOf(knownColours[k]);
}
canvas.addEventListener('pointerdown', (e) => {
  e.preventDefault();
  canvas.setPointerCapture(e.pointerId);
  snapshot();
  const p = pos(e);
  if (tool === 'fill') { floodFill(p); drawingChanged(); return; }
  drawing = true;
  last = p;
  stroke(p, p);
});
canvas.addEventListener('pointermove', (e) => {
  if (!drawing) return;
  const p = pos(e);
  stroke(last, p);
  last = p;
});
['pointerup', 'pointercancel', 'pointerleave'].forEach((t) => canvas.addEventListener(t, () => {
  if (drawing) {
    settleColours();
    drawingChanged();
  }
  drawing = false;
}));
/**
 * Gives every painted pixel exactly its nearest known colour, keeping its opacity: strokes blended over strokes
 * drift by a unit or two (the canvas stores colours premultiplied by opacity), and the server takes each exact
 * colour filling a region for a class. Black ink, the notebook's, never drifts: one colour is drawn as before.
 */
function settleColours() {
  const img = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const a = img.data;
  let changed = false;
  for (let i = 0; i < a.length; i += 4) {
    if (a[i + 3] === 0) continue;
    const c = knownColours[nearestColour(a[i], a[i + 1], a[i + 2])];
    if (a[i] !== c[0] || a[i + 1] !== c[1] || a[i + 2] !== c[2]) {
      a[i] = c[0]; a[i + 1] = c[1]; a[i + 2] = c[2];
      changed = true;
    }
  }
  if (changed) ctx.putImageData(img, 0, 0);
}

function selectInk(k) {
  ink = k;
  document.querySelectorAll('#palette button').forEach((b, i) => {
    b.classList.toggle('active', i === k);
    b.setAttribute('aria-pressed', String(i === k));
  });
  if (tool === 'eraser') selectTool('brush');
  announce(PALETTE[k].name + ' selected');
}
PALETTE.forEach((c, k) => {
  const b = document.createElement('button');
  b.type = 'button';
  b.className = 'colour' + (k === 0 ? ' active' : '');
  b.setAttribute('aria-pressed', String(k === 0));
  b.setAttribute('aria-label', c.name);
  b.title = 'Paint a class in ' + c.name;
  b.appendChild(swatch(rgbOf(c.hex)));
  b.addEventListener('click', () => selectInk(k));
  $('palette').appendChild(b);
});
function selectTool(t) {
  tool = t;
  ['brush', 'eraser', 'fill'].forEach((n) => {
    $('tool-' + n).classList.toggle('active', n === t);
    $('tool-' + n).setAttribute('aria-pressed', String(n === t));
  });
  announce(t + ' selected');
}
$('tool-brush').addEventListener('click', () => selectTool('brush'));
$('tool-eraser').addEventListener('click', () => selectTool('eraser'));
$('tool-fill').addEventListener('click', () => selectTool('fill'));
$('brush-size').addEventListener('input', () => { $('brush-size-value').textContent = $('brush-size').value; });
$('undo').addEventListener('click', () => { const s = undoStack.pop(); if (s) { ctx.putImageData(s, 0, 0); drawingChanged(); } });
$('clear').addEventListener('click', () => { snapshot(); ctx.clearRect(0, 0, canvas.width, canvas.height); drawingChanged(''); });

/** Puts an image (a data URL of the class mask) on the canvas, scaled to it. */
function putMask(src) {
  return new Promise((resolve, reject) => {
    const img = new Image();
    img.onload = () => {
      snapshot();
      ctx.clearRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      resolve();
    };
    img.onerror = () => reject(new Error('that file is not an image the browser can read'));
    img.src = src;
  });
}
/** Sends a PNG to the server, which reads it as a run would, and puts the class mask it answers on the canvas. */
async function loadPng(dataUrl, name) {
  const m = await api('/api/drawings', { drawing: dataUrl });
  (m.classes || []).forEach((c, k) => { if (k > 0) remember(c.colour); });
  await putMask(m.mask);
  if (m.classCount > 2) {
    drawingChanged('(' + name + ', ' + m.width + ' x ' + m.height + ': ' + classSummary(m) + '; the canvas shows the '
      + 'classes the server trains on)');
    announce(name + ' loaded: ' + m.classCount + ' classes');
    return;
  }
  const how = m.readAs === 'alpha' ? 'read by transparency: opaque is positive'
    : 'read by darkness (the image has no transparency): dark is positive';
  drawingChanged('(' + name + ', ' + m.width + ' x ' + m.height + ', ' + how + '; the canvas shows the classes the server trains on)');
  announce(name + ' loaded: ' + (100 * m.positiveShare).toFixed(1) + '% positive');
}
/** Returns what the server found in a drawing in colours: how many classes, each one's share (and why). */
function classSummary(m) {
  return named(m.reading || m.classCount + ' classes: ' + m.classes.map((c) => c.name + ' ' + (100 * c.share).toFixed(1)
    + '%').join(', '));
}

// ---- the drawing kept by the browser: a refusal, a reload or a closed tab never loses it -------
const STORE = 'drawnet.drawing';
let storeReady = false;     // set once the kept drawing is back, so that a loading page's blank canvas overwrites nothing
let storeTimer = 0;
let linkedDrawing = null;   // the drawing a share link opened, while the address still holds that link
function storeDrawing(now) {
  if (!storeReady) return;
  clearTimeout(storeTimer);
  const write = () => {
    storeTimer = 0;
    const png = canvas.toDataURL('image/png');
    try {
      localStorage.setItem(STORE, JSON.stringify({ png, colours: knownColours.slice(PALETTE.length).map(hexOf) }));
    } catch (ignored) { /* storage full or turned off: the drawing stays in the page */ }
    // a share link in the address whose drawing was changed since would bring the old drawing back on reload
    if (linkedDrawing !== null && png !== linkedDrawing) {
      linkedDrawing = null;
      window.history.replaceState(null, '', location.pathname + location.search);
    }
  };
  if (now) write(); else storeTimer = setTimeout(write, 150);
}
/** Puts the drawing this browser kept back on the canvas. */
async function restoreDrawing() {
  try {
    let kept = null;
    try { kept = JSON.parse(localStorage.getItem(STORE) || 'null'); } catch (ignored) { kept = null; }
    if (kept && typeof kept.png === 'string' && kept.png.startsWith('data:image/png;base64,')) {
      (Array.isArray(kept.colours) ? kept.colours : []).filter((c) => /^#[0-9a-f]{6}$/i.test(c)).forEach(remember);
      await putMask(kept.png);
      undoStack.length = 0;
      drawingChanged('(your drawing, kept by this browser)');
    }
  } catch (ignored) {
    // an unreadable kept drawing: start blank
  } finally {
    storeReady = true;
  }
}
function readAsDataUrl(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(new Error('the file could not be read'));
    reader.readAsDataURL(blob);
  });
}
$('load-preset').addEventListener('click', async () => {
  try {
    showError('');
    const name = $('preset').value;
    const r = await fetch('/api/presets/' + encodeURIComponent(name) + '.png');
    if (!r.ok) throw new Error('no such preset: ' + name);
    await loadPng(await readAsDataUrl(await r.blob()), 'preset ' + name);
  } catch (e) { showError(e.message); }
});
$('upload').addEventListener('change', async (e) => {
  const f = e.target.files[0];
  if (!f) return;
  showError('');
  try {
    const max = info ? info.limits.maxBodyBytes * 0.7 : 2.8e6;
    if (f.size > max) throw new Error(f.name + ' is ' + f.size + ' bytes; at most ' + Math.floor(max) + ' can be sent');
    if (f.name.toLowerCase().endsWith('.json') || f.type === 'application/json') {
      await loadModel(await f.text(), f.name);
    } else {
      await loadPng(await readAsDataUrl(f), f.name);
    }
  } catch (err) { showError(err.message); }
  e.target.value = '';
});

// ---- server -------------------------------------------------------------------------------
function showError(message) {
  const box = $('error');
  const text = message || refusal;   // a standing refusal shows again once another message is cleared
  box.textContent = text;
  box.hidden = !text;
}
function showNotice(message) {
  const box = $('notice');
  if (box.textContent !== message) box.textContent = message;
  box.hidden = !message;
}
function announce(text) {
  $('announce').textContent = text;
}

// ---- refusals: the notice stays while it applies, and the page tries again by itself ---------
let refusal = '';           // the standing refusal: no session yet, or a Start the studio could not take yet
let retryTimer = 0;
let retryTick = 0;
let retryAt = 0;
let retryAction = null;
/** Shows a refusal until it no longer applies, and calls action(attempt + 1) after the attempt's wait. */
function refuse(message, attempt, action) {
  cancelRetry();
  refusal = message;
  showError(message);
  const wait = retryDelay(attempt + 1);
  retryAt = Date.now() + wait * 1000;
  retryAction = () => action(attempt + 1);
  retryTimer = setTimeout(runRetry, wait * 1000);
  retryTick = setInterval(showRetry, 1000);
  showRetry();
  announce(message + ' The page tries again by itself in ' + wait + ' seconds.');
}
function showRetry() {
  $('retry-text').textContent = retryText(retryAt, Date.now());
  $('retry').hidden = false;
}
function runRetry() {
  const action = retryAction;
  cancelRetry();
  if (action) Promise.resolve().then(action).catch((e) => showError(e.message));
}
function cancelRetry() {
  clearTimeout(retryTimer);
  clearInterval(retryTick);
  retryAction = null;
  $('retry').hidden = true;
}
/** The refusal no longer applies: its notice goes. */
function refusalEnded() {
  cancelRetry();
  if (refusal) {
    refusal = '';
    showError('');
  }
}
$('retry-now').addEventListener('click', runRetry);

// ---- a refused setting: its field marked until it is changed -----------------------------------
function fieldOf(key) {
  return key === 'features' ? $('features-box') : document.getElementById(key);
}
function unmark(f) {
  f.removeAttribute('aria-invalid');
  f.removeAttribute('aria-describedby');
  const l = f.closest('label');
  if (l) l.classList.remove('invalid');
}
function clearInvalid() {
  document.querySelectorAll('[aria-invalid="true"]').forEach(unmark);
}
function markInvalid(key) {
  clearInvalid();
  const f = fieldOf(key);
  if (!f) return;
  f.setAttribute('aria-invalid', 'true');
  f.setAttribute('aria-describedby', 'error');
  const l = f.closest('label');
  if (l) l.classList.add('invalid');
  if (f.closest('#settings-box')) $('settings-box').open = true;
  if (f.focus) f.focus();
}
function option(select, value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label || value;
  select.appendChild(o);
}
async function api(path, body) {
  const headers = { 'Content-Type': 'application/json' };
  if (token) headers['X-Drawnet-Token'] = token;
  if (accessKey) headers['X-Drawnet-Key'] = accessKey;
  const r = await fetch(path, { method: 'POST', headers, body: JSON.stringify(body === undefined ? {} : body) });
  if (!r.ok) {
    let message = 'the server said ' + r.status;
    let setting = null;
    try {
      const answer = await r.json();
      message = answer.error || message;
      setting = answer.setting || null;
    } catch (ignored) { /* not JSON */ }
    const e = new Error(message);
    e.status = r.status;
    e.setting = setting;
    throw e;
  }
  return r.status === 204 ? {} : r.json();
}
function sessionPath(action) {
  return '/api/sessions/' + sessionId + '/' + action;
}
function settings() {
  const s = { backend: $('backend').value };
  SETTING_KEYS.forEach((k) => { s[k] = $(k).value; });
  s.features = Array.from(document.querySelectorAll('#features input:checked')).map((c) => c.value);
  return s;
}
function applySettings(s) {
  if (s.backend && Array.from($('backend').options).some((o) => o.value === s.backend)) $('backend').value = s.backend;
  SETTING_KEYS.forEach((k) => { if (s[k] !== undefined && s[k] !== null) $(k).value = s[k]; });
  if (Array.isArray(s.features)) {
    document.querySelectorAll('#features input').forEach((c) => { c.checked = s.features.includes(c.value); });
  }
  drawNetwork();
  drawLayerControls();
  updateAddress();
}
// the settings of the run shown, without its epochs (Continue and Step do not use them), to compare with the form's
let runSettings = null;
/** Returns whether Continue would train with the settings the form shows: none changed, none refused. */
function formMatchesRun() {
  return runSettings !== null && comparable(settings()) === runSettings
    && !document.querySelector('#settings [aria-invalid="true"], #features-box[aria-invalid="true"]');
}
function settingsChanged(e) {
  const t = e && e.target;
  if (t && t.closest) {
    const f = t.closest('#features-box') || t;
    if (f.getAttribute && f.getAttribute('aria-invalid')) unmark(f);
  }
  if (t && t.id === 'hidden') drawLayerControls();
  updateAddress();
  setButtons(state);
}
function setButtons(st) {
  state = st;
  const b = buttonStates(st, ended || !sessionId, formMatchesRun(), continueEpochs);
  ['start', 'pause', 'resume', 'step', 'stop', 'continue'].forEach((k) => { $(k).disabled = b[k]; });
  $('continue').title = b.continueTitle;
  $('share').disabled = false;
  // on a phone, once a run has started, the drawing and the output map sit side by side
  if (b.hasRun) document.body.classList.add('has-run');
}
function clearResults() {
  history = [];
  drawCurves();
  $('test-accuracy').textContent = '–';
  $('balanced').textContent = '';
  $('boundary').removeAttribute('src');
  $('network').removeAttribute('src');
  $('downloads').textContent = '';
  $('class-figures').textContent = '';
  $('class-figures').hidden = true;
  showNotice('');
}

let runFinished = false;     // the last run's result has come (onDone); a Start clears it
/** Starts a run; results of the previous one stay until the server has accepted the new one. */
async function start(overrides, attempt) {
  attempt = attempt || 1;
  showError('');
  try {
    const s = Object.assign(settings(), overrides || {});
    runFinished = false;
    const r = await api(sessionPath('start'), { drawing: canvas.toDataURL('image/png'), settings: s });
    refusalEnded();
    clearInvalid();
    runSettings = comparable(s);
    setButtons(state);
    // the previous results were cleared by the new run's first event ('points'), only once it was accepted
    drawingChanged(r.classCount > 2 ? '(the server ' + classSummary(r) + ')'
      : '(the server reads ' + (100 * r.positiveShare).toFixed(1) + '% positive)');
    const said = startAnnouncement(state, runFinished);
    if (said !== null) announce(said);
  } catch (e) {
    if (retriesStart(e.status, attempt)) {
      refuse(e.message, attempt, (n) => start(overrides, n));
      return;
    }
    refusalEnded();
    if (e.setting) markInvalid(e.setting);
    showError(busy(e.status) ? e.message + ' (the page stopped trying by itself; press Start to '
      + 'try again)' : e.message);
    setButtons(state);
  }
}
$('start').addEventListener('click', () => start());
// the server warms the chosen engine up while the person draws, so that the first Start finds it loaded
function warmUp() {
  if (sessionId && !ended) api(sessionPath('warm'), { backend: $('backend').value }).catch(() => {});
}
$('backend').addEventListener('change', warmUp);
$('pause').addEventListener('click', () => api(sessionPath('pause')).catch((e) => showError(e.message)));
$('resume').addEventListener('click', () => api(sessionPath('resume')).catch((e) => showError(e.message)));
$('stop').addEventListener('click', () => api(sessionPath('stop')).catch((e) => showError(e.message)));
$('step').addEventListener('click', () => {
  showError('');
  if (state === 'paused' || state === 'done') {
    api(sessionPath('step')).catch((e) => showError(e.message));
  } else {
    start({ epochs: '1' });
  }
});
$('continue').addEventListener('click', () => {
  showError('');
  api(sessionPath('continue'), { epochs: continueEpochs }).catch((e) => showError(e.message));
});
async function loadModel(text, name) {
  const r = await api(sessionPath('load'), { model: text, backend: $('backend').value });
  (r.classes || []).forEach((c, k) => { if (k > 0) remember(c.colour); });
  await putMask(r.drawing);
  applySettings(r.settings);
  clearInvalid();
  runSettings = comparable(settings());
  setButtons(state);
  drawingChanged('(the drawing saved in ' + name + ')');
  announce(name + ' loaded: ' + r.epochs + ' epochs trained');
}

// ---- sharing: the settings and the drawing in the page's address --------------------------
/** Returns the fragment that opens this experiment: its settings and the canvas's drawing (see share.js). */
async function shareFragment() {
  const d = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  return fragmentOf(settings(), encodeDrawing(d, knownColours));
}
$('share').addEventListener('click', async () => {
  showError('');
  const fragment = await shareFragment();
  const max = info ? info.limits.maxShareBytes : 8192;
  if (fragment.length > max) {
    showError('the link would be ' + fragment.length + ' bytes, at most ' + max + ' are allowed: the drawing is '
      + 'too detailed to share by link; download drawing.png and share the file instead');
    return;
  }
  const url = location.origin + location.pathname + '#' + fragment;
  window.history.replaceState(null, '', url);
  try { await navigator.clipboard.writeText(url); } catch (ignored) { /* not allowed here: the address bar has it */ }
  announce('link to this experiment in the address bar (' + fragment.length + ' bytes)');
  $('figures').textContent = 'link ready: ' + fragment.length + ' bytes';
});
async function openShared() {
  const hash = location.hash.replace(/^#/, '');
  if (!hash) return;
  const limits = info ? info.limits : null;
  const link = readLink(hash, limits);
  applySettings(link.settings);
  const drawing = await linkDrawing(link, limits, canvas.width * canvas.height);
  if (drawing) {
    drawing.colours.forEach(remember);
    const img = ctx.createImageData(canvas.width, canvas.height);
    img.data.set(drawing.rgba);
    ctx.putImageData(img, 0, 0);
    linkedDrawing = canvas.toDataURL('image/png');
    drawingChanged('(from the link)');
  }
}

function labelText(input) {
  const l = input.closest('label');
  return l ? l.firstChild.textContent.trim().toLowerCase() : input.id;
}
function step(input, ladder, dir) {
  input.value = stepValue(input.value, ladder, dir);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  announce(labelText(input) + ' ' + input.value);
}
/** Gives each numeric setting a stepper: − and + beside it, and the arrow keys in it. */
function makeSteppers() {
  Object.keys(LADDERS).forEach((key) => {
    const input = $(key);
    if (!input || input.parentElement.classList.contains('stepper')) return;
    const ladder = ladderFor(key, info.limits);
    const box = document.createElement('span');
    box.className = 'stepper';
    input.parentElement.insertBefore(box, input);
    box.appendChild(input);   // the input first: the label names it, not a button
    const name = labelText(input);
    [[-1, '\u2212', 'lower '], [1, '+', 'raise ']].forEach(([dir, sign, verb]) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = sign;
      b.setAttribute('aria-label', verb + name);
      b.title = verb + name;
      b.addEventListener('click', () => step(input, ladder, dir));
      box.appendChild(b);
    });
    input.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
        e.preventDefault();
        step(input, ladder, e.key === 'ArrowUp' ? 1 : -1);
      }
    });
  });
}
function setHidden(sizes, message) {
  $('hidden').value = hiddenText(sizes);
  $('hidden').dispatchEvent(new Event('input', { bubbles: true }));
  announce(message);
}
function plusMinus(parent, id, sign, label, disabled, action) {
  const b = document.createElement('button');
  b.type = 'button';
  b.id = id;
  b.textContent = sign;
  b.setAttribute('aria-label', label);
  b.title = label + ' (the next Start trains it)';
  b.disabled = disabled;
  b.addEventListener('click', action);
  parent.appendChild(b);
}
/** Shows the hidden layers as the Settings' field has them, with − and + for the layers and each layer's units. */
function drawLayerControls() {
  const box = $('layer-controls');
  if (!info) return;
  const focused = document.activeElement && box.contains(document.activeElement) ? document.activeElement.id : null;
  box.textContent = '';
  const sizes = parseHidden($('hidden').value);
  if (!sizes) {
    box.appendChild(document.createTextNode('Hidden layers: "' + $('hidden').value + '" is not layer sizes like 4 or 8,4'));
    return;
  }
  const maxLayers = info.limits.maxHiddenLayers || 8;
  const maxUnits = info.limits.maxUnits || 256;
  const layers = document.createElement('span');
  layers.className = 'layer';
  plusMinus(layers, 'layers-remove', '\u2212', 'remove the last hidden layer', sizes.length === 0,
    () => setHidden(sizes.slice(0, -1), (sizes.length - 1) + ' hidden layers'));
  const n = document.createElement('span');
  n.className = 'count';
  n.textContent = String(sizes.length);
  layers.appendChild(n);
  plusMinus(layers, 'layers-add', '+', 'add a hidden layer', sizes.length >= maxLayers,
    () => setHidden(sizes.concat([sizes.length ? sizes[sizes.length - 1] : 4]), (sizes.length + 1) + ' hidden layers'));
  layers.appendChild(document.createTextNode(sizes.length === 1 ? ' hidden layer' : ' hidden layers'));
  box.appendChild(layers);
  sizes.forEach((units, i) => {
    const g = document.createElement('span');
    g.className = 'layer';
    g.setAttribute('role', 'group');
    g.setAttribute('aria-label', 'layer ' + (i + 1) + ': ' + units + ' units');
    g.appendChild(document.createTextNode('layer ' + (i + 1) + ':'));
    const change = (d) => () => {
      const next = sizes.slice();
      next[i] = units + d;
      setHidden(next, 'layer ' + (i + 1) + ': ' + next[i] + ' units');
    };
    plusMinus(g, 'units-remove-' + (i + 1), '\u2212', 'one unit fewer in layer ' + (i + 1), units <= 1, change(-1));
    const c = document.createElement('span');
    c.className = 'count';
    c.textContent = String(units);
    g.appendChild(c);
    plusMinus(g, 'units-add-' + (i + 1), '+', 'one unit more in layer ' + (i + 1), units >= maxUnits, change(1));
    box.appendChild(g);
  });
  if (focused && $(focused)) $(focused).focus();
}
// ---- Playground's moves: steppers, +/- for layers and units, the settings in the address -----
/** Puts the settings in the address as they change (the share link's fragment stays for the drawing). */
function updateAddress() {
  if (!info) return;
  const query = addressQuery(location.search, settings(), info.defaults, info.defaultBackend);
  window.history.replaceState(null, '', location.pathname + query + location.hash);
}
/** Fills the form from the address's settings; they are newer than a share link's, which they follow. */
function applyAddress() {
  const s = addressedSettings(location.search);
  if (Object.keys(s).length) applySettings(s);
}

// ---- the network diagram ------------------------------------------------------------------
function el(name, attrs, parent) {
  const e = document.createElementNS(SVG_NS, name);
  Object.entries(attrs).forEach(([k, v]) => e.setAttribute(k, v));
  if (parent) parent.appendChild(e);
  return e;
}
function layerSizes() {
  const features = Array.from(document.querySelectorAll('#features input:checked')).map((c) => c.value);
  const hidden = lastMaps && lastMaps.layers ? lastMaps.layers.slice(0, -1).map((l) => l.w.length)
    : String($('hidden').value).split(',').map((v) => parseInt(v, 10)).filter((v) => v > 0 && v <= 256);
  const inputs = lastMaps && lastMaps.layers ? lastMaps.layers[0].w[0].length : features.length;
  // outputs: the trained network's; before its first maps, the run's classes; before any run, the canvas's
  const classes = points ? classCount : drawnClasses;
  const outputs = lastMaps && lastMaps.layers ? lastMaps.layers[lastMaps.layers.length - 1].w.length
    : classes > 2 ? classes : 1;
  return { inputs, hidden, features, outputs };
}
let networkShape = null;     // what the diagram was built for; maps of the same network only update it
let edgeEls = [];           // [{el, layer, out, in}]
let imageEls = [];          // [{el, column, index}]
/** Returns the map a node shows now: a hidden unit's or the output's. */
function nodeMap(column, index, columns) {
  if (!lastMaps) return null;
  if (column === columns - 1 && classThumbs.length) {
    return classThumbs[index] ? { png: classThumbs[index], name: 'the probability of ' + className(index),
      range: ' [0, 1]' } : null;
  }
  if (column === columns - 1) return { png: outputThumb || lastMaps.output, name: 'the output', range: '' };
  const u = unitMaps[column - 1] && unitMaps[column - 1][index];
  return u ? { png: u.png, name: 'hidden unit ' + (index + 1) + ' of layer ' + column,
    range: ' [' + u.lo.toFixed(2) + ', ' + u.hi.toFixed(2) + ']' } : null;
}
function drawNetwork() {
  const svg = $('network-diagram');
  const wrap = $('network-wrap');
  const W = Math.max(260, wrap.clientWidth || 420);
  const H = Math.max(220, wrap.clientHeight || 380);
  const { inputs, hidden, features, outputs } = layerSizes();
  const columns = [inputs].concat(hidden, [outputs]);
  const shape = JSON.stringify([W, H, columns, features, !!(lastMaps && lastMaps.layers)]);
  if (shape === networkShape) {
    updateNetwork(columns.length);
    return;
  }
  networkShape = shape;
  edgeEls = [];
  imageEls = [];
  biasEls = [];
  closeWeightEditor(false);
  svg.setAttribute('viewBox', '0 0 ' + W + ' ' + H);
  svg.setAttribute('width', W);
  svg.setAttribute('height', H);
  while (svg.firstChild) svg.removeChild(svg.firstChild);
  const most = Math.max(...columns);
  const box = Math.max(10, Math.min(64, (H - 16) / most - 6, (W - 40) / columns.length - 28));
  const xs = columns.map((_, c) => 14 + c * (W - 28 - box) / Math.max(1, columns.length - 1));
  const pos = columns.map((n, c) => Array.from({ length: n }, (_, i) => ({
    x: xs[c], y: H / 2 + (i - (n - 1) / 2) * (box + 6) - box / 2 })));
  // edges, under the nodes
  const edges = el('g', { class: 'edges' }, svg);
  let drawn = 0;
  pos.slice(0, -1).forEach((col, c) => col.forEach((a, i) => pos[c + 1].forEach((b, o) => {
    if (drawn++ > 3000) return;
    const d = 'M' + (a.x + box) + ',' + (a.y + box / 2) + ' C' + ((a.x + box + b.x) / 2) + ',' + (a.y + box / 2) + ' '
        + ((a.x + box + b.x) / 2) + ',' + (b.y + box / 2) + ' ' + b.x + ',' + (b.y + box / 2);
    const path = el('path', { d, stroke: '#ccc', 'stroke-width': 1, fill: 'none', 'stroke-opacity': 0.75,
      class: 'edge' }, edges);
    edgeEls.push({ el: path, layer: c, out: o, in: i });
    edgeHit(edges, d, path, { layer: c, row: o, col: i });
  })));
  // nodes
  const labels = info ? Object.fromEntries(info.features.map((f) => [f.id, f.label])) : {};
  pos.forEach((col, c) => col.forEach((p, i) => {
    const g = el('g', { class: 'node' }, svg);
    el('rect', { x: p.x, y: p.y, width: box, height: box, rx: 3, class: 'node-box' }, g);
    if (c === 0) {
      inputNode(g, p, box, features[i], labels[features[i]] || features[i] || 'x' + (i + 1));
      return;
    }
    g.classList.add('unit');
    const img = el('image', { x: p.x + 1, y: p.y + 1, width: box - 2, height: box - 2,
      class: c === columns.length - 1 ? 'output-node' : 'unit-map' }, g);
    imageEls.push({ el: img, column: c, index: i });
    hoverable(g, c, i, columns.length, outputs);
    biasEls.push(biasNode(svg, p, box, { layer: c - 1, row: i, col: null }, g));
  }));
  const outLabel = el('text', { x: xs[xs.length - 1] + box / 2, y: pos[pos.length - 1][0].y - 6, 'text-anchor': 'middle',
    class: 'node-caption' }, svg);
  outLabel.textContent = outputs > 1 ? 'classes' : 'output';
  updateNetwork(columns.length);
}
/** Colours the edges by the current weights and puts the current maps in the nodes, keeping focus and hover. */
function updateNetwork(columns) {
  if (lastMaps && lastMaps.layers) paintWeights();
  imageEls.forEach((m) => {
    const map = nodeMap(m.column, m.index, columns);
    if (map) m.el.setAttribute('href', map.png);
  });
  if (!$('zoom').hidden && zoomed) showZoom(zoomed[0], zoomed[1], zoomed[2]);
}
function title(text) {
  const t = document.createElementNS(SVG_NS, 'title');
  t.textContent = text;
  return t;
}
let zoomed = null;
function showZoom(column, index, columns) {
  const map = nodeMap(column, index, columns);
  if (!map) return;
  zoomed = [column, index, columns];
  $('zoom-img').src = map.png;
  $('zoom-img').alt = 'map of ' + map.name;
  $('zoom-caption').textContent = map.name + map.range;
  $('zoom').hidden = false;
}
function hoverable(g, column, index, columns, outputs) {
  const name = nodeName(column, index, columns, [], outputs, className);
  g.setAttribute('tabindex', '0');
  g.setAttribute('role', 'button');
  g.setAttribute('aria-label', name + ': shows its map large; Enter sets its weights and bias');
  g.addEventListener('keydown', (e) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    openWeightEditor({ layer: column - 1, row: index, col: null }, g);
  });
  const show = () => showZoom(column, index, columns);
  const hide = () => { zoomed = null; $('zoom').hidden = true; };
  g.addEventListener('mouseenter', show);
  g.addEventListener('focus', show);
  g.addEventListener('mouseleave', hide);
  g.addEventListener('blur', hide);
}

// ---- the weights in the drawing and their editor: click (or Enter on a unit), type, Enter --------------
let biasEls = [];           // [{el, target}]
let editing = null;         // the editor's unit: {choices, from (the unit's node, focused again on closing)}
/** Returns the drawn network's names of its nodes, (column, index) => name, as labels and the editor say them. */
function drawnNames() {
  const { hidden, features, outputs } = layerSizes();
  const labels = info ? Object.fromEntries(info.features.map((f) => [f.id, f.label])) : {};
  const inputs = features.map((f) => labels[f] || f);
  return (column, index) => nodeName(column, index, hidden.length + 2, inputs, outputs, className);
}
/** Draws an input node: the feature's value over the plane (as TensorFlow Playground does), and its name. */
function inputNode(g, p, box, id, label) {
  const feature = info && info.features.find((f) => f.id === id);
  if (feature && feature.map && box >= 20) {
    el('image', { x: p.x + 1, y: p.y + 1, width: box - 2, height: box - 2, href: feature.map, class: 'input-map',
      'aria-hidden': 'true' }, g);
  }
  const onMap = feature && feature.map && box >= 20;
  const t = el('text', { x: p.x + box / 2, y: onMap ? p.y + box - 4 : p.y + box / 2 + 4, 'text-anchor': 'middle',
    class: onMap ? 'node-label on-map' : 'node-label' }, g);
  t.textContent = label;
  g.appendChild(title(label + ': its value over the plane'));
}
/** Draws a unit's bias: a small square at its lower left, coloured by sign as the edges are; click sets it. */
function biasNode(svg, p, box, target, node) {
  const side = Math.max(5, Math.min(12, box / 4));   // small beside small units (many of them), never a dot
  const r = el('rect', { x: p.x - side / 2, y: p.y + box - side / 2, width: side, height: side, rx: 1,
    class: 'bias', fill: '#fff' }, svg);
  r.appendChild(title(''));
  r.addEventListener('click', () => openWeightEditor(target, node));
  return { el: r, target };
}
/** Lays a wide, unseen path over an edge, easier to click than the edge; its title names the weight. */
function edgeHit(edges, d, path, target) {
  const hit = el('path', { d, class: 'edge-hit', fill: 'none' }, edges);
  hit.appendChild(title(''));
  hit.addEventListener('mouseenter', () => path.classList.add('hot'));
  hit.addEventListener('mouseleave', () => path.classList.remove('hot'));
  hit.addEventListener('click', () => openWeightEditor(target, null));
  edgeEls[edgeEls.length - 1].hit = hit;
}
/** Colours and labels the edges and biases by the latest weights. */
function paintWeights() {
  const layers = lastMaps.layers;
  const most = largestWeight(layers, false);
  const mostWithBiases = largestWeight(layers, true);
  const drawnName = drawnNames();
  edgeEls.forEach((e) => {
    const target = { layer: e.layer, row: e.out, col: e.in };
    const v = weightOf(layers, target);
    if (v === null) return;
    e.el.setAttribute('stroke', v >= 0 ? 'rgb(' + POS + ')' : 'rgb(' + NEG + ')');
    e.el.setAttribute('stroke-width', edgeWidth(v, most).toFixed(2));
    if (e.hit) e.hit.firstChild.textContent = targetName(target, drawnName) + ': ' + weightText(v) + ' (click to set)';
  });
  biasEls.forEach((b) => {
    const v = weightOf(layers, b.target);
    if (v === null) return;
    b.el.setAttribute('fill', 'rgb(' + signColour(v, mostWithBiases, POS, NEG) + ')');
    b.el.firstChild.textContent = targetName(b.target, drawnName) + ': ' + weightText(v) + ' (click to set)';
  });
}
/** Returns the node of unit row of the drawing's column. */
function unitNode(column, row) {
  const m = imageEls.find((i) => i.column === column && i.index === row);
  return m ? m.el.parentNode : null;
}
/** Opens the editor on the unit target leads to, with target's weight (or bias) chosen and its value ready to type over. */
function openWeightEditor(target, from) {
  const box = $('weight-editor');
  const node = from || unitNode(target.layer + 1, target.row);
  const drawnName = drawnNames();
  const choices = unitChoices(lastMaps && lastMaps.layers, target.layer, target.row, drawnName);
  if (!choices.length) {
    announce('the network has no weights yet: start a run, then pause it to set them');
    return;
  }
  editing = { choices, from: node, name: drawnName };
  $('weight-editor-title').textContent = 'Weights into ' + drawnName(target.layer + 1, target.row);
  const which = $('weight-which');
  which.textContent = '';
  choices.forEach((c, k) => option(which, String(k), c.label + ' (' + weightText(c.value) + ')'));
  which.value = String(Math.max(0, choices.findIndex((c) => c.target.col === target.col
    || (isBias(c.target) && isBias(target)))));
  weightChosen();
  $('weight-error').textContent = state === 'paused' || state === 'done' ? ''
    : 'Pause the run to set its weights; Resume or Step then train on from them.';
  box.hidden = false;
  placeWeightEditor(box, node ? node.getBBox() : { x: 0, y: 0, width: 0, height: 0 });
  $('weight-value').focus();
  $('weight-value').select();
}
/** Puts the editor beside the unit's box at (right, else left, else below or above it), within the drawing. */
function placeWeightEditor(box, at) {
  const wrap = $('network-wrap');
  const w = box.offsetWidth;
  const h = box.offsetHeight;
  const W = wrap.clientWidth;
  const H = wrap.clientHeight;
  let left;
  let top = Math.max(0, Math.min(at.y, H - h - 4));
  if (at.x + at.width + 14 + w <= W) left = at.x + at.width + 14;
  else if (at.x - 14 - w >= 0) left = at.x - 14 - w;
  else {
    // a narrow drawing (a phone): under the unit, or over it when there is no room below
    left = Math.max(0, Math.min(at.x + at.width / 2 - w / 2, W - w - 4));
    top = at.y + at.height + 8 + h <= H ? at.y + at.height + 8 : Math.max(0, at.y - h - 8);
  }
  box.style.left = left + 'px';
  box.style.top = top + 'px';
}
function weightChosen() {
  const c = editing.choices[Number($('weight-which').value)];
  $('weight-value').value = String(c.value);
  $('weight-value').removeAttribute('aria-invalid');
}
function closeWeightEditor(refocus) {
  if (!$('weight-editor') || $('weight-editor').hidden) return;
  $('weight-editor').hidden = true;
  const from = editing && editing.from;
  editing = null;
  if (refocus && from && from.isConnected) from.focus();
}
function weightRefused(message) {
  $('weight-error').textContent = message;
  $('weight-value').setAttribute('aria-invalid', 'true');
  $('weight-value').focus();
}
/** Sends the typed value: the server's model takes it, and its maps come back as after an epoch. */
async function sendWeight() {
  if (!editing) return;
  const c = editing.choices[Number($('weight-which').value)];
  const name = editing.name;
  const typed = parseWeight($('weight-value').value, (info && info.limits.maxWeight) || 100);
  if (typed.error) {
    weightRefused(typed.error);
    return;
  }
  try {
    const r = await api(sessionPath('weight'), weightBody(c.target, typed.value));
    announce(targetName(c.target, name) + ' set to ' + weightText(r.value));
    closeWeightEditor(true);
  } catch (e) {
    weightRefused(e.message);
  }
}
function initWeightEditor() {
  $('weight-which').addEventListener('change', weightChosen);
  $('weight-set').addEventListener('click', sendWeight);
  $('weight-close').addEventListener('click', () => closeWeightEditor(true));
  $('weight-value').addEventListener('keydown', (e) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      sendWeight();
    }
  });
  $('weight-editor').addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closeWeightEditor(true);
    }
  });
}
initWeightEditor();

// ---- the output map, the points, the curves, the hidden view -------------------------------
let outputValues = null;    // Uint8Array, grid x grid (times the classes, for more than two), row 0 at the bottom
let outputThumb = null;     // the output map as drawn here, without points, for the output node
let classThumbs = [];       // for more than two classes: each class's probability map, for its output node
let grid = 0;
function className(k) {
  return 'class ' + k + (classCount > 2 && classNames[k] ? ' (' + classNames[k] + ')' : '');
}
/** Returns the most likely class at grid point i and its probability, of K classes. */
function mostLikely(i, K) {
  let best = 0;
  for (let k = 1; k < K; k++) if (outputValues[i * K + k] > outputValues[i * K + best]) best = k;
  return [best, outputValues[i * K + best] / 255];
}
function mix(rgb, t) {
  return rgb.map((v) => Math.round(255 + (v - 255) * t));
}
/** The class map: each point the colour of its most likely class, paler the less sure (white at chance, 1/K). */
function classColourAt(i, K, discrete) {
  const [k, p] = mostLikely(i, K);
  return mix(classColours[k], discrete ? 1 : Math.max(0, Math.min(1, (p - 1 / K) / (1 - 1 / K))));
}
function drawClassThumbs(K) {
  classThumbs = [];
  for (let k = 0; k < K; k++) {
    const off = document.createElement('canvas');
    off.width = grid; off.height = grid;
    const og = off.getContext('2d');
    const img = og.createImageData(grid, grid);
    for (let row = 0; row < grid; row++) {
      for (let col = 0; col < grid; col++) {
        const rgb = mix(classColours[k], outputValues[(row * grid + col) * K + k] / 255);
        const j = ((grid - 1 - row) * grid + col) * 4;
        img.data[j] = rgb[0]; img.data[j + 1] = rgb[1]; img.data[j + 2] = rgb[2]; img.data[j + 3] = 255;
      }
    }
    og.putImageData(img, 0, 0);
    classThumbs.push(off.toDataURL('image/png'));
  }
}
function colourOf(p) {
  // white at 0.5, deeper towards each class
  const t = Math.min(1, Math.abs(p - 0.5) * 2);
  const c = p >= 0.5 ? POS : NEG;
  return c.map((v) => Math.round(255 + (v - 255) * t));
}
function drawOutput() {
  const c = $('output-map');
  const g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  g.fillStyle = '#f4f4f4';
  g.fillRect(0, 0, c.width, c.height);
  if (outputValues) {
    const off = document.createElement('canvas');
    off.width = grid; off.height = grid;
    const og = off.getContext('2d');
    const img = og.createImageData(grid, grid);
    const discrete = $('discretize').checked;
    const K = outputClasses();
    for (let row = 0; row < grid; row++) {
      for (let col = 0; col < grid; col++) {
        let rgb;
        if (K > 2) {
          rgb = classColourAt(row * grid + col, K, discrete);
        } else {
          let p = outputValues[row * grid + col] / 255;
          if (discrete) p = p >= 0.5 ? 1 : 0;
          rgb = colourOf(p);
        }
        const k = ((grid - 1 - row) * grid + col) * 4;
        img.data[k] = rgb[0]; img.data[k + 1] = rgb[1]; img.data[k + 2] = rgb[2]; img.data[k + 3] = 255;
      }
    }
    og.putImageData(img, 0, 0);
    outputThumb = off.toDataURL('image/png');
    g.imageSmoothingEnabled = !discrete;
    g.drawImage(off, 0, 0, c.width, c.height);
  }
  if (points) {
    drawPoints(g, points.train, c, false);
    if ($('show-test').checked) drawPoints(g, points.test, c, true);
  }
}
function drawPoints(g, set, c, test) {
  for (let i = 0; i < set.x1.length; i++) {
    const x = set.x1[i] * c.width, y = (1 - set.x2[i]) * c.height;
    g.beginPath();
    g.arc(x, y, 2.6, 0, 2 * Math.PI);
    // as in TensorFlow Playground: training points ringed in white, test points in black
    g.fillStyle = 'rgb(' + classColours[set.label[i]] + ')';
    g.fill();
    g.strokeStyle = test ? '#000' : '#fff';
    g.lineWidth = test ? 1 : 0.8;
    g.stroke();
  }
}
$('show-test').addEventListener('change', drawOutput);
$('discretize').addEventListener('change', () => { drawOutput(); drawNetwork(); });

/** The number of classes of the maps shown: 2 for one output, else the number of outputs. */
function outputClasses() {
  return lastMaps && lastMaps.classes > 2 ? lastMaps.classes : 2;
}
/** Balanced accuracy on the shown training points, read off the live output map. */
function liveBalancedAccuracy() {
  if (!outputValues || !points) return null;
  const t = points.train;
  const K = outputClasses();
  if (K > 2) {
    const hit = new Array(K).fill(0), all = new Array(K).fill(0);
    for (let i = 0; i < t.x1.length; i++) {
      const col = Math.round(t.x1[i] * (grid - 1)), row = Math.round(t.x2[i] * (grid - 1));
      all[t.label[i]]++;
      if (mostLikely(row * grid + col, K)[0] === t.label[i]) hit[t.label[i]]++;
    }
    const present = all.map((n, k) => [n, k]).filter(([n]) => n > 0);
    if (present.length < 2) return null;
    return present.reduce((sum, [n, k]) => sum + hit[k] / n, 0) / present.length;
  }
  let tp = 0, p = 0, tn = 0, n = 0;
  for (let i = 0; i < t.x1.length; i++) {
    const col = Math.round(t.x1[i] * (grid - 1)), row = Math.round(t.x2[i] * (grid - 1));
    const yes = outputValues[row * grid + col] >= 128;
    if (t.label[i]) { p++; if (yes) tp++; } else { n++; if (!yes) tn++; }
  }
  if (!p || !n) return null;
  return (tp / p + tn / n) / 2;
}
function checkOneClass(balanced, epoch, K) {
  const show = oneClassNotice(balanced, epoch, K);
  if (show === true) showNotice(oneClass(K));
  else if (show === false) showNotice('');
}

function drawCurves() {
  const c = $('curves');
  const g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  const half = c.height / 2;
  // accuracy on a fixed [0, 1] axis, so a run that stalls at the positive share looks like it
  plot(g, 0, 'Accuracy', history.map((h) => [h.epoch, h.trainAccuracy, h.validationAccuracy]), false, half, [0, 1]);
  plot(g, half, 'Loss (log scale)', history.map((h) => [h.epoch, h.trainLoss, h.validationLoss]), true, half, null);
}
function plot(g, y0, heading, rows, log, height, fixed) {
  const c = $('curves');
  const left = 40, top = y0 + 16, w = c.width - 50, h = height - 34;
  g.strokeStyle = '#222'; g.fillStyle = '#222'; g.lineWidth = 1; g.font = '11px sans-serif';
  g.strokeRect(left, top, w, h);
  g.fillText(heading, left + 2, y0 + 11);
  g.fillText('epoch', left + w / 2 - 14, top + h + 14);
  const f = (v) => (log ? Math.log10(Math.max(v, 1e-6)) : v);
  let lo, hi;
  if (fixed) {
    [lo, hi] = fixed;
  } else {
    const vals = rows.flatMap((r) => [r[1], r[2]]).filter((v) => Number.isFinite(v)).map(f);
    if (!vals.length) return;
    lo = Math.min(...vals); hi = Math.max(...vals);
    if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
  }
  g.fillText((log ? Math.pow(10, hi) : hi).toFixed(log ? 3 : 1), 2, top + 10);
  g.fillText((log ? Math.pow(10, lo) : lo).toFixed(log ? 3 : 1), 2, top + h);
  if (!rows.length) return;
  const maxEpoch = Math.max(...rows.map((r) => r[0]), 2);
  const px = (e) => left + (e - 1) / (maxEpoch - 1) * w;
  const py = (v) => top + h - (f(v) - lo) / (hi - lo) * h;
  g.fillText(String(maxEpoch), left + w - 18, top + h + 12);
  [[1, '#08519c', []], [2, '#d95f02', [6, 4]]].forEach(([k, colour, dash]) => {
    g.strokeStyle = colour; g.lineWidth = 2; g.setLineDash(dash); g.beginPath();
    rows.forEach((r, i) => { if (Number.isFinite(r[k])) { if (i === 0) g.moveTo(px(r[0]), py(r[k])); else g.lineTo(px(r[0]), py(r[k])); } });
    g.stroke(); g.setLineDash([]);
  });
  g.fillStyle = '#08519c'; g.fillText('training', left + w - 110, top + h - 6);
  g.fillStyle = '#d95f02'; g.fillText('validation', left + w - 58, top + h - 6);
}
function drawHiddenView(v) {
  const c = $('hidden-view');
  const g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  g.strokeStyle = '#bbb';
  g.strokeRect(0.5, 0.5, c.width - 1, c.height - 1);
  if (!v || !points) {
    $('hidden-view-caption').textContent = 'Train to see the points as the hidden layer places them.';
    return;
  }
  const t = points.train;
  const pad = 8;
  for (let i = 0; i < v.x.length && i < t.label.length; i++) {
    g.beginPath();
    g.arc(pad + v.x[i] * (c.width - 2 * pad), c.height - pad - v.y[i] * (c.height - 2 * pad), 2.4, 0, 2 * Math.PI);
    g.fillStyle = 'rgb(' + classColours[t.label[i]] + ')';
    g.fill();
  }
  $('hidden-view-caption').textContent = v.method === 'pca'
    ? 'Training points placed by layer ' + v.layer + '\'s ' + v.units + ' units: their two principal components, '
      + 'aligned epoch to epoch. ' + (classCount > 2 ? 'Each class\'s output is' : 'The output is') + ' one weighted '
      + 'sum of the units: classes that come apart here, it can cut apart.'
    : 'Training points placed by layer ' + v.layer + '\'s unit' + (v.units > 1 ? 's 1 (across) and 2 (up).' : ' 1 (across).');
}

function onMaps(m) {
  lastMaps = m;
  grid = m.grid;
  outputValues = Uint8Array.from(atob(m.outputValues), (ch) => ch.charCodeAt(0));
  if (m.classes > 2) drawClassThumbs(m.classes); else classThumbs = [];
  unitMaps = [];
  m.hidden.forEach((u) => {
    (unitMaps[u.layer - 1] = unitMaps[u.layer - 1] || [])[u.unit - 1] = u;
  });
  $('network').src = m.network;
  drawOutput();
  drawNetwork();
  drawHiddenView(m.hiddenView);
  checkOneClass(liveBalancedAccuracy(), m.epoch, outputClasses());
  // says which epoch's maps were just painted (the page's browser tests listen; the module keeps its state private)
  document.dispatchEvent(new CustomEvent('drawnet:maps', { detail: { epoch: m.epoch } }));
}
const BINARY_LEGEND = Array.from($('output-legend').childNodes).map((n) => n.cloneNode(true));
/** Takes the classes of a new run: their count and, for more than two, their names and colours. */
function setClasses(count, classes) {
  classCount = count > 2 ? count : 2;
  const legend = $('output-legend');
  legend.textContent = '';
  if (classCount === 2) {
    classNames = ['negative', 'positive'];
    classColours = [NEG, POS];
    BINARY_LEGEND.forEach((n) => legend.appendChild(n.cloneNode(true)));
    return;
  }
  classNames = classes.map((c) => named(c.name));
  classColours = classes.map((c) => rgbOf(c.shown));   // as the report shows them: the background grey
  classes.forEach((c, k) => {
    legend.appendChild(swatch(classColours[k]));
    const label = document.createElement('span');
    label.textContent = ' ' + (k === 0 ? 'background (0)' : classNames[k] + ' (' + k + ')');
    if (k > 0) label.title = c.colour;
    legend.appendChild(label);
    if (k < classes.length - 1) legend.appendChild(document.createTextNode(' '));
  });
  legend.appendChild(document.createTextNode('; each place is coloured by its most likely class, paler where the '
    + 'network is less sure (white: no class above chance). Dots: training points (white ring), test points '
    + '(black ring).'));
}
/** Returns a class's swatch (its code in a tooltip) and its name, as text beside it. */
function classLabel(k) {
  const s = document.createElement('span');
  s.className = 'class-label';
  s.title = hexOf(classColours[k].map(Number));
  s.appendChild(swatch(classColours[k]));
  s.appendChild(document.createTextNode(' ' + classNames[k]));
  return s;
}
/** Shows each class's test accuracy and the confusion matrix (rows actual, columns predicted). */
function showClassFigures(d) {
  const box = $('class-figures');
  box.textContent = '';
  box.hidden = !(d.classes > 2);
  if (box.hidden) return;
  const p = document.createElement('p');
  p.className = 'hint';
  p.appendChild(document.createTextNode('Test accuracy by class:'));
  d.classAccuracies.forEach((a, k) => {
    p.appendChild(document.createTextNode(k ? ', ' : ' '));
    p.appendChild(classLabel(k));
    p.appendChild(document.createTextNode(' ' + (a === null ? 'no points' : a.toFixed(3))));
  });
  box.appendChild(p);
  const table = document.createElement('table');
  table.id = 'confusion';
  const caption = document.createElement('caption');
  caption.textContent = 'Test points by actual class (rows) and predicted class (columns)';
  table.appendChild(caption);
  const head = table.insertRow();
  const corner = document.createElement('th');
  corner.textContent = '';
  head.appendChild(corner);
  d.confusion.forEach((_, k) => {
    const th = document.createElement('th');
    th.scope = 'col';
    th.appendChild(swatch(classColours[k], classNames[k]));
    head.appendChild(th);
  });
  d.confusion.forEach((row, k) => {
    const tr = table.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.appendChild(classLabel(k));
    tr.appendChild(th);
    row.forEach((n, j) => {
      const td = tr.insertCell();
      td.textContent = String(n);
      if (j === k) td.className = 'diagonal';
    });
  });
  box.appendChild(table);
}
function onDone(d) {
  runFinished = true;
  $('test-accuracy').textContent = d.testAccuracy.toFixed(4);
  $('balanced').textContent = '(balanced ' + d.balancedAccuracy.toFixed(4) + '; ' + d.message + ')';
  if (d.boundary) $('boundary').src = d.boundary;
  showClassFigures(d);
  const links = $('downloads');
  links.textContent = d.downloads.length ? 'Downloads: ' : '';
  d.downloads.forEach((f) => {
    const a = document.createElement('a');
    a.href = sessionPath('download/' + f) + '?token=' + encodeURIComponent(token);
    a.textContent = f;
    a.setAttribute('download', f);
    links.appendChild(a);
  });
  const K = d.classes > 2 ? d.classes : 2;
  if (Math.abs(d.balancedAccuracy - 1 / K) < 0.05) showNotice(oneClass(K));
  announce('finished: test accuracy ' + d.testAccuracy.toFixed(3) + ', balanced ' + d.balancedAccuracy.toFixed(3)
    + (d.classes > 2 ? '; each class\'s accuracy and the confusion matrix are under the output map' : ''));
}
function onEpoch(m) {
  history = history.filter((h) => h.epoch < m.epoch);
  history.push(m);
  $('epoch-counter').textContent = 'Epoch ' + m.epoch + '/' + m.last;
  $('figures').textContent = 'loss ' + m.trainLoss.toFixed(4) + ' · accuracy ' + m.trainAccuracy.toFixed(4)
    + ' · validation ' + m.validationAccuracy.toFixed(4) + ' · ' + m.seconds.toFixed(1) + ' s';
  // progress for screen readers: each quarter of a run, not every epoch
  const quarter = Math.ceil(m.last / 4);
  if (m.seconds > 0 && m.last >= 4 && m.epoch % quarter === 0 && m.epoch < m.last) {
    announce('epoch ' + m.epoch + ' of ' + m.last + ': validation accuracy ' + m.validationAccuracy.toFixed(2));
  }
}
let curvesPending = false;
function curvesSoon() {
  if (curvesPending) return;
  curvesPending = true;
  requestAnimationFrame(() => { curvesPending = false; drawCurves(); });
}
function endSession(message) {
  ended = true;
  showError(message);
  setButtons(state);
  $('state').textContent = 'ended';
}
let queuePlace = 0;
function listen() {
  events = new EventSource(sessionPath('events') + '?token=' + encodeURIComponent(token));
  events.addEventListener('status', (e) => {
    const s = JSON.parse(e.data);
    const before = state;
    $('state').textContent = s.state;
    if (s.message && s.state !== 'training') $('figures').textContent = s.message;
    setButtons(s.state);
    // a new state, or the place in the queue (shown beside the state), read out when it changes (see queue.js)
    const said = statusAnnouncement(before, s, queuePlace);
    if (said !== null) announce(said);
    queuePlace = placeAfter(s);
  });
  events.addEventListener('epoch', (e) => { onEpoch(JSON.parse(e.data)); curvesSoon(); });
  events.addEventListener('history', (e) => {
    JSON.parse(e.data).epochs.forEach(onEpoch);
    drawCurves();
  });
  // a new run was accepted: the previous one's results go now, not before
  events.addEventListener('points', (e) => {
    clearResults();
    $('epoch-counter').textContent = '';
    points = JSON.parse(e.data);
    setClasses(points.classCount, points.classes);
    lastMaps = null;
    unitMaps = [];
    outputValues = null;
    outputThumb = null;
    classThumbs = [];
    drawOutput();
    drawNetwork();
    drawHiddenView(null);
  });
  events.addEventListener('maps', (e) => onMaps(JSON.parse(e.data)));
  events.addEventListener('done', (e) => onDone(JSON.parse(e.data)));
  events.addEventListener('failure', (e) => showError(JSON.parse(e.data).message));
  events.addEventListener('ended', (e) => { endSession(JSON.parse(e.data).message); events.close(); });
}

async function init() {
  const r = await fetch('/api/info');
  if (!r.ok) throw new Error('the studio answered ' + r.status);
  info = await r.json();
  info.backends.forEach((b) => option($('backend'), b.id, b.id + ' – ' + b.name));
  $('backend').value = info.defaultBackend;
  info.activations.forEach((a) => option($('activation'), a));
  info.optimizers.forEach((o) => option($('optimizer'), o));
  info.presets.forEach((p) => option($('preset'), p));
  info.features.forEach((f) => {
    const l = document.createElement('label');
    const c = document.createElement('input');
    c.type = 'checkbox';
    c.value = f.id;
    c.checked = info.defaults.features.includes(f.id);
    c.addEventListener('change', drawNetwork);
    l.appendChild(c);
    l.appendChild(document.createTextNode(' ' + f.label));
    $('features').appendChild(l);
  });
  SETTING_KEYS.forEach((k) => { $(k).value = info.defaults[k]; });
  $('hidden').addEventListener('input', () => { if (!lastMaps) drawNetwork(); });
  continueEpochs = info.defaults.continueEpochs;
  $('continue').textContent = 'Continue +' + continueEpochs;
  $('continue').title = 'Train the finished model ' + continueEpochs + ' more epochs';
  drawCurves();
  drawOutput();
  drawHiddenView(null);
  drawNetwork();
  drawingChanged('');
  makeSteppers();
  $('settings').addEventListener('input', settingsChanged);
  $('settings').addEventListener('change', settingsChanged);
  $('features').addEventListener('change', settingsChanged);
  await restoreDrawing();
  try {
    await openShared();
  } catch (e) { showError(e.message); }
  applyAddress();
  drawLayerControls();
  await openSession(1);
}
/** Opens this page's session; refused for want of room (503, 429), it says so and tries again by itself. */
async function openSession(attempt) {
  try {
    const s = await api('/api/sessions');
    sessionId = s.id;
    token = s.token;
  } catch (e) {
    if (e.status === 503 || e.status === 429) {
      setButtons('idle');
      $('state').textContent = 'no session';
      refuse(e.message, attempt, openSession);
      return;
    }
    if (e.status === 403) {
      ended = true;
      setButtons('idle');
      $('state').textContent = 'no session';
      showError(e.message);
      return;
    }
    throw e;
  }
  const wasRefused = refusal !== '';
  refusalEnded();
  listen();
  setButtons('idle');
  warmUp();
  if (wasRefused) announce('a studio session is free now: you can train');
}
window.addEventListener('pagehide', () => {
  if (storeTimer) storeDrawing(true);
  if (sessionId && !ended) {
    fetch(sessionPath('close'), { method: 'POST', keepalive: true,
      headers: { 'Content-Type': 'application/json', 'X-Drawnet-Token': token }, body: '{}' }).catch(() => {});
  }
});
window.addEventListener('resize', () => drawNetwork());
setButtons('starting');
init().catch((e) => { setButtons('idle'); showError('cannot reach the studio server: ' + e.message); });
