// Drawnet studio: what the page's state allows: which run buttons are on, and when the page says a network
// predicts one class. The states are the server's session states (StudioSession.State, in lower case: idle,
// queued, training, paused, done, failed, closed) and the page's own 'starting' and 'no session'. An ES module,
// tested with Node's test runner (src/test/js/state.test.mjs).

/**
 * Returns the run buttons for state st: for each of start, pause, resume, step, stop and continue whether it is
 * disabled, continue's title, and hasRun (a run has started: on a phone the drawing and the output map then sit
 * side by side). off: the page has no session or it ended; same: the form shows the shown run's settings (so
 * Continue would train with them); continueEpochs: the epochs Continue adds.
 */
function buttonStates(st, off, same, continueEpochs) {
  const running = st === 'training' || st === 'queued';
  return {
    start: off || running || st === 'paused',
    pause: off || !running,
    resume: off || st !== 'paused',
    step: off || running,
    stop: off || !(running || st === 'paused'),
    continue: off || st !== 'done' || !same,
    continueTitle: st === 'done' && !same ? 'The settings shown are not this run\'s: Start trains with them'
      : 'Train the finished model ' + continueEpochs + ' more epochs',
    hasRun: running || st === 'paused' || st === 'done',
  };
}

/** The notice for a network that gives every point one class: its balanced accuracy is chance, 1/K of K classes. */
function oneClass(K) {
  return 'It predicts one class: balanced accuracy is near ' + (K > 2 ? '1/' + K + ' (' + (1 / K).toFixed(2) + ')' : '0.5')
    + '. Try more hidden units, other input features or more epochs.';
}

/**
 * Returns whether the one-class notice shows after a map of epoch with this live balanced accuracy (null: not
 * known) of K classes: true to show it (within 0.05 of chance from epoch 10), false to take it down (0.1 or more
 * from chance), null to leave it as it is (in between, so that it does not flicker).
 */
function oneClassNotice(balanced, epoch, K) {
  if (balanced !== null && Math.abs(balanced - 1 / K) < 0.05 && epoch >= 10) return true;
  if (balanced !== null && Math.abs(balanced - 1 / K) >= 0.1) return false;
  return null;
}

export { buttonStates, oneClass, oneClassNotice };
