// Drawnet studio: waiting, as the page tells it: a refusal's retries (when, and for how long) and the run's place in
// the studio's queue (what is read out to screen readers, and when). The server words the place and the estimated
// wait (RunQueue, StudioSession.queuedMessage); this module decides what the page says of it. An ES module, tested
// with Node's test runner (src/test/js/queue.test.mjs).

const START_ATTEMPTS = 6;   // a refused Start is tried this often by itself; a refused session, until it gets one

/**
 * Returns the seconds to wait before attempt n (2, 3, ...): 5, 10, 20, 40, then 60, each give or take a tenth, so
 * that a class refused at once does not come back at once.
 */
function retryDelay(n, random) {
  const base = Math.min(60, 5 * Math.pow(2, Math.max(0, n - 2)));
  return Math.max(1, Math.round(base * (0.9 + 0.2 * (random || Math.random)())));
}

/** Returns whether an answer's status says the studio has no room yet (a session or a trainer): worth retrying. */
function busy(status) {
  return status === 503 || status === 429;
}

/** Returns whether a Start refused with status on attempt (1, 2, ...) is tried again by itself. */
function retriesStart(status, attempt) {
  return busy(status) && attempt < START_ATTEMPTS;
}

/** Returns the line under a refusal: the whole seconds until the next try (at retryAt, in ms) from now. */
function retryText(retryAt, now) {
  const left = Math.max(0, Math.ceil((retryAt - now) / 1000));
  return 'The page tries again by itself in ' + left + ' s; your drawing and settings are kept.';
}

/**
 * Returns what a status event s ({state, message, position}) is read out as, or null for nothing: a change of
 * state (but done, announced by its own event, and training, except when a queued run's turn comes: a Start's
 * answer says it otherwise, see startAnnouncement), or a new place in the queue near its front (1 to
 * 3) or every fifth, so that a long queue does not talk all the time. before is the state shown before the event,
 * place the queue place last read.
 */
function statusAnnouncement(before, s, place) {
  if (before === 'queued' && s.state === 'training') {
    return 'training started'; // a run's turn came: the page that heard its place hears it leave the queue
  }
  if (before !== s.state && s.state !== 'training' && s.state !== 'done') {
    return s.message && s.message.startsWith(s.state) ? s.message : s.state + (s.message ? ': ' + s.message : '');
  }
  if (s.state === 'queued' && s.position && s.position !== place && (s.position <= 3 || s.position % 5 === 0)) {
    return s.message;
  }
  return null;
}

/**
 * Returns what the page reads out once the studio has accepted its Start, or null: 'training started', unless
 * the run's own events came first and said more, its place in the queue (state 'queued') or its end (finished:
 * a short run can end before the answer to its Start reaches the page, and its result must be the last word).
 */
function startAnnouncement(state, finished) {
  return finished || state === 'queued' ? null : 'training started';
}

/** Returns the queue place a status event leaves the page at: its position while queued, else 0. */
function placeAfter(s) {
  return s.state === 'queued' ? s.position : 0;
}

export { START_ATTEMPTS, retryDelay, busy, retriesStart, retryText, statusAnnouncement, startAnnouncement, placeAfter };
