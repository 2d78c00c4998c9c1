// Drawnet studio: the page. Draws on a 256 x 256 canvas (opaque black ink on a transparent
// background, as the notebook's canvas), sends the drawing and the settings to the server, and
// follows training over server-sent events.
'use strict';

const $ = (id) => document.getElementById(id);
const canvas = $('canvas');
const ctx = canvas.getContext('2d', { willReadFrequently: true });
const undoStack = [];
let tool = 'brush';
let drawing = false;
let last = null;
let sessionId = null;
let events = null;
let history = [];

// ---- drawing ------------------------------------------------------------------------------
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
  ctx.strokeStyle = '#000';
  ctx.fillStyle = '#000';
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
  const inside = a[(y0 * w + x0) * 4 + 3] >= 128;   // fill the region of the same class
  const seen = new Uint8Array(w * h);
  const stack = [y0 * w + x0];
  while (stack.length) {
    const i = stack.pop();
    if (seen[i]) continue;
    seen[i] = 1;
    if ((a[i * 4 + 3] >= 128) !== inside) continue;
    a[i * 4] = 0; a[i * 4 + 1] = 0; a[i * 4 + 2] = 0; a[i * 4 + 3] = inside ? 0 : 255;
    const x = i % w, y = (i - x) / w;
    if (x > 0) stack.push(i - 1);
    if (x < w - 1) stack.push(i + 1);
    if (y > 0) stack.push(i - w);
    if (y < h - 1) stack.push(i + w);
  }
  ctx.putImageData(img, 0, 0);
}
canvas.addEventListener('pointerdown', (e) => {
  canvas.setPointerCapture(e.pointerId);
  snapshot();
  const p = pos(e);
  if (tool === 'fill') { floodFill(p); return; }
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
['pointerup', 'pointercancel', 'pointerleave'].forEach((t) => canvas.addEventListener(t, () => { drawing = false; }));

function selectTool(t) {
  tool = t;
  ['brush', 'eraser', 'fill'].forEach((n) => $('tool-' + n).classList.toggle('active', n === t));
}
$('tool-brush').onclick = () => selectTool('brush');
$('tool-eraser').onclick = () => selectTool('eraser');
$('tool-fill').onclick = () => selectTool('fill');
$('brush-size').oninput = () => { $('brush-size-value').textContent = $('brush-size').value; };
$('undo').onclick = () => { const s = undoStack.pop(); if (s) ctx.putImageData(s, 0, 0); };
$('clear').onclick = () => { snapshot(); ctx.clearRect(0, 0, canvas.width, canvas.height); };

function drawImage(src) {
  const img = new Image();
  img.onload = () => {
    snapshot();
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
  };
  img.onerror = () => showError('that file is not an image the browser can read');
  img.src = src;
}
$('load-preset').onclick = () => drawImage('/api/presets/' + encodeURIComponent($('preset').value) + '.png');
$('upload').onchange = (e) => {
  const f = e.target.files[0];
  if (!f) return;
  if (f.size > 4 * 1024 * 1024) { showError('the file is ' + f.size + ' bytes; at most 4 MiB'); return; }
  const reader = new FileReader();
  reader.onload = () => drawImage(reader.result);
  reader.readAsDataURL(f);
};

// ---- settings and server ------------------------------------------------------------------
function showError(message) {
  const box = $('error');
  box.textContent = message;
  box.hidden = !message;
}
function option(select, value, label) {
  const o = document.createElement('option');
  o.value = value;
  o.textContent = label || value;
  select.appendChild(o);
}
async function api(path, body) {
  const r = await fetch(path, { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? '{}' : JSON.stringify(body) });
  if (!r.ok) {
    let message = 'the server said ' + r.status;
    try { message = (await r.json()).error || message; } catch (ignored) { /* not JSON */ }
    throw new Error(message);
  }
  return r.status === 204 ? {} : r.json();
}
// the settings the page sends, by the server's keys; their defaults come from the server (/api/info)
const SETTING_KEYS = ['hidden', 'activation', 'optimizer', 'learningRate', 'batchSize', 'epochs', 'trainSize',
  'validationSize', 'testSize', 'noise', 'seed'];
let continueEpochs = null;
function settings() {
  const s = { backend: $('backend').value };
  SETTING_KEYS.forEach((k) => { s[k] = $(k).value; });
  s.features = Array.from(document.querySelectorAll('#features input:checked')).map((c) => c.value);
  return s;
}
function setButtons(state) {
  const running = state === 'training' || state === 'queued';
  $('start').disabled = running || state === 'paused';
  $('pause').disabled = !running;
  $('resume').disabled = state !== 'paused';
  $('stop').disabled = !(running || state === 'paused');
  $('continue').disabled = state !== 'done';
}

$('start').onclick = async () => {
  showError('');
  history = [];
  drawCurves();
  $('test-accuracy').textContent = '–';
  $('balanced').textContent = '';
  $('boundary').removeAttribute('src');
  $('downloads').textContent = '';
  try {
    await api('/api/sessions/' + sessionId + '/start', { drawing: canvas.toDataURL('image/png'), settings: settings() });
  } catch (e) { showError(e.message); }
};
$('pause').onclick = () => api('/api/sessions/' + sessionId + '/pause').catch((e) => showError(e.message));
$('resume').onclick = () => api('/api/sessions/' + sessionId + '/resume').catch((e) => showError(e.message));
$('stop').onclick = () => api('/api/sessions/' + sessionId + '/stop').catch((e) => showError(e.message));
$('continue').onclick = () => { showError(''); api('/api/sessions/' + sessionId + '/continue', { epochs: continueEpochs })
  .catch((e) => showError(e.message)); };

// ---- live view ----------------------------------------------------------------------------
function drawCurves() {
  const c = $('curves');
  const g = c.getContext('2d');
  g.clearRect(0, 0, c.width, c.height);
  const half = c.width / 2;
  plot(g, 0, 'Accuracy', history.map((h) => [h.epoch, h.trainAccuracy, h.validationAccuracy]), false, half);
  plot(g, half, 'Loss (log scale)', history.map((h) => [h.epoch, h.trainLoss, h.validationLoss]), true, half);
}
function plot(g, x0, title, rows, log, width) {
  const left = x0 + 46, top = 22, w = width - 60, h = $('curves').height - 52;
  g.strokeStyle = '#222'; g.fillStyle = '#222'; g.lineWidth = 1; g.font = '12px sans-serif';
  g.strokeRect(left, top, w, h);
  g.fillText(title, left + 4, 14);
  g.fillText('epoch', left + w / 2 - 14, top + h + 28);
  if (!rows.length) return;
  const f = (v) => (log ? Math.log10(Math.max(v, 1e-6)) : v);
  const vals = rows.flatMap((r) => [r[1], r[2]]).filter((v) => Number.isFinite(v)).map(f);
  let lo = Math.min(...vals), hi = Math.max(...vals);
  if (hi - lo < 1e-9) { lo -= 0.5; hi += 0.5; }
  const maxEpoch = Math.max(...rows.map((r) => r[0]), 2);
  const px = (e) => left + (e - 1) / (maxEpoch - 1) * w;
  const py = (v) => top + h - (f(v) - lo) / (hi - lo) * h;
  g.fillText((log ? Math.pow(10, hi) : hi).toFixed(3), x0 + 2, top + 10);
  g.fillText((log ? Math.pow(10, lo) : lo).toFixed(3), x0 + 2, top + h);
  g.fillText(String(maxEpoch), left + w - 16, top + h + 14);
  [[1, '#08519c', []], [2, '#d95f02', [6, 4]]].forEach(([k, colour, dash]) => {
    g.strokeStyle = colour; g.lineWidth = 2; g.setLineDash(dash); g.beginPath();
    rows.forEach((r, i) => { if (Number.isFinite(r[k])) { if (i === 0) g.moveTo(px(r[0]), py(r[k])); else g.lineTo(px(r[0]), py(r[k])); } });
    g.stroke(); g.setLineDash([]);
  });
  g.fillStyle = '#08519c'; g.fillText('training', left + w - 120, top + h - 20);
  g.fillStyle = '#d95f02'; g.fillText('validation', left + w - 60, top + h - 20);
}
function onMaps(m) {
  $('output-map').src = m.output;
  const box = $('unit-maps');
  while (box.children.length > m.hidden.length) box.removeChild(box.lastChild);
  m.hidden.forEach((u, i) => {
    let fig = box.children[i];
    if (!fig) {
      fig = document.createElement('figure');
      fig.className = 'map';
      fig.innerHTML = '<img class="unit-map"><figcaption></figcaption>';
      box.appendChild(fig);
    }
    fig.querySelector('img').src = u.png;
    fig.querySelector('img').alt = 'hidden unit ' + u.unit + ' of layer ' + u.layer;
    fig.querySelector('figcaption').textContent = (m.hidden.some((v) => v.layer > 1) ? 'layer ' + u.layer + ', ' : '')
      + 'unit ' + u.unit + ' [' + u.lo.toFixed(2) + ', ' + u.hi.toFixed(2) + ']';
  });
  $('network').src = m.network;
}
function onDone(d) {
  $('test-accuracy').textContent = d.testAccuracy.toFixed(4);
  $('balanced').textContent = '(balanced ' + d.balancedAccuracy.toFixed(4) + '; ' + d.message + ')';
  $('boundary').src = d.boundary;
  const links = $('downloads');
  links.textContent = 'Downloads: ';
  d.downloads.forEach((f) => {
    const a = document.createElement('a');
    a.href = '/api/sessions/' + sessionId + '/download/' + f;
    a.textContent = f;
    a.setAttribute('download', f);
    links.appendChild(a);
  });
}
function listen() {
  events = new EventSource('/api/sessions/' + sessionId + '/events');
  events.addEventListener('status', (e) => {
    const s = JSON.parse(e.data);
    $('state').textContent = s.state;
    if (s.message && s.state !== 'training') $('figures').textContent = s.message;
    setButtons(s.state);
  });
  events.addEventListener('epoch', (e) => {
    const m = JSON.parse(e.data);
    history = history.filter((h) => h.epoch < m.epoch);
    history.push(m);
    $('epoch-counter').textContent = 'Epoch ' + m.epoch + '/' + m.last;
    $('figures').textContent = 'loss ' + m.trainLoss.toFixed(4) + ' · accuracy ' + m.trainAccuracy.toFixed(4)
      + ' · validation ' + m.validationAccuracy.toFixed(4) + ' · ' + m.seconds.toFixed(1) + ' s';
    drawCurves();
  });
  events.addEventListener('maps', (e) => onMaps(JSON.parse(e.data)));
  events.addEventListener('done', (e) => onDone(JSON.parse(e.data)));
  events.addEventListener('failure', (e) => showError(JSON.parse(e.data).message));
}

async function init() {
  const r = await fetch('/api/info');
  const info = await r.json();
  info.backends.forEach((b) => option($('backend'), b.id, b.id + ' – ' + b.name));
  $('backend').value = info.defaultBackend;
  info.activations.forEach((a) => option($('activation'), a));
  info.optimizers.forEach((o) => option($('optimizer'), o));
  info.presets.forEach((p) => option($('preset'), p));
  info.features.forEach((f) => {
    const l = document.createElement('label');
    l.innerHTML = '<input type="checkbox" value="' + f.id + '"' + (info.defaults.features.includes(f.id) ? ' checked' : '')
      + '> ' + f.label;
    $('features').appendChild(l);
  });
  SETTING_KEYS.forEach((k) => { $(k).value = info.defaults[k]; });
  continueEpochs = info.defaults.continueEpochs;
  $('continue').textContent = 'Continue +' + continueEpochs;
  $('continue').title = 'Train the finished model ' + continueEpochs + ' more epochs';
  sessionId = (await api('/api/sessions')).id;
  listen();
  setButtons('idle');
  drawCurves();
}
window.addEventListener('pagehide', () => {
  if (sessionId) navigator.sendBeacon('/api/sessions/' + sessionId + '/close');
});
init().catch((e) => showError('cannot reach the studio server: ' + e.message));
