package io.github.drawnet.studio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.History;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.TrainingResult;
import io.github.drawnet.studio.SessionLife.Event;
import io.github.drawnet.viz.Visualizer;
import io.javalin.http.sse.SseClient;
import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One browser tab's experiment in the studio: its run (an {@link Experiment} trained on a worker
 * thread, with pause, resume, stop and continue), the pages listening to it ({@link SessionEvents}),
 * and its downloads ({@link SessionDownloads}).
 *
 * <p>A paused run holds no trainer: it stops after its epoch (or leaves the queue, if it was waiting)
 * and keeps its experiment, optimizer state and epochs; Resume and Step put it back at the back of the
 * {@link RunQueue}, behind every run already waiting, as any new run would be (first come, first
 * served: a resumed run is not put first, or pausing would become a way to jump the queue), and it
 * trains on from its epoch when its turn comes.
 *
 * <p>Its states and the events that move it between them are one table, {@link SessionLife}: each
 * change of state goes through it, and a request the table refuses is answered with its status and
 * message (409 while a run is going on, 410 once the session ended).
 *
 * <p>Thread-safe: requests arrive on server threads, the run happens on a worker thread; state
 * changes are synchronised on the session.
 */
final class StudioSession implements AutoCloseable {

    /** Where a session is. */
    enum State { IDLE, QUEUED, TRAINING, PAUSED, DONE, FAILED, CLOSED }

    /** The least time between two live map updates. */
    static final long MAP_INTERVAL_NANOS = 250_000_000L;

    private static final Logger LOG = LoggerFactory.getLogger(StudioSession.class);

    final String id;
    private final String token;
    private final RunQueue queue;
    private final SessionEvents events;
    private final SessionDownloads downloads;
    private volatile long lastSeen = System.nanoTime();

    private volatile State state = State.IDLE;
    private boolean stopRequested;
    private boolean pauseRequested;
    /** Epochs a paused run may train before it pauses again (the Step button), the one starting included. */
    private int stepsAllowed;
    private RunQueue.Ticket run;
    /** The epochs the run was asked for (Start, Continue, a Step of a finished run). */
    private int epochsAsked;
    /** Whether the run's training call has begun: its rest is then trained with {@link Experiment#trainRest}. */
    private boolean begun;

    private Experiment experiment;
    /**
     * The previous run's experiment, closed once the next run has shown its first map: closing a DL4J
     * network collects garbage twice ({@code System.gc()}), which the Start would otherwise wait for.
     */
    private Experiment retired;
    private byte[] drawingPng;
    private ExperimentResult result;
    /** Whether {@link #close()} has been called: it releases once. */
    private boolean closing;

    StudioSession(String id, String token, RunQueue queue, Visualizer visualizer) {
        this.id = id;
        this.token = token;
        this.queue = queue;
        this.events = new SessionEvents(visualizer);
        this.downloads = new SessionDownloads(id, visualizer);
    }

    synchronized State state() {
        return state;
    }

    /** Returns whether {@code given} is this session's page token. */
    boolean tokenMatches(String given) {
        return StudioGuard.sameToken(token, given);
    }

    /** Returns whether a run is going on: queued, training or paused. */
    synchronized boolean isLive() {
        return state == State.QUEUED || state == State.TRAINING || state == State.PAUSED;
    }

    /** Returns whether a run is being trained or waits for a trainer (not paused). */
    synchronized boolean isTraining() {
        return state == State.QUEUED || state == State.TRAINING;
    }

    /** Tells the pages that the session ended, and why. */
    void ended(String message) {
        events.broadcast("ended", SessionEvents.message(message));
    }

    long lastSeenNanos() {
        return lastSeen;
    }

    int clientCount() {
        return events.count();
    }

    void touch() {
        lastSeen = System.nanoTime();
    }

    /**
     * Adds a listening page and tells it where the session is. The caller registers the client's
     * one close callback (Javalin keeps only the last) and calls {@link #removeClient} from it.
     * Under the session's lock, as every status broadcast is: the page's first status and its joining
     * the listeners are one step, so a status broadcast between them (a Start's "queued") is not lost.
     */
    synchronized void addClient(SseClient client) {
        touch();
        events.add(client, status(null));
    }

    /** Forgets a page that stopped listening. */
    void removeClient(SseClient client) {
        events.remove(client);
        touch();
    }

    /**
     * Starts a new run on a drawing: everything is checked before, the run is queued here.
     *
     * @throws StudioException 409 when a run is going on
     */
    synchronized void start(Backend backend, StudioSettings s, Drawing drawing, byte[] png, DataSplits points) {
        SessionLife.check(state, Event.START);
        // the new experiment is made before the previous one is let go: a refusal leaves the last run's results
        Experiment next = Experiment.start(backend, drawing, points, spec(s, points), s.settings().training());
        retire();
        this.drawingPng = png;
        this.result = null;
        this.experiment = next;
        events.newRun(points, drawing);
        start(Event.START, s.settings().training().epochs());
    }

    /**
     * Returns the page's network for {@code points}: as many classes as the points hold (one sigmoid
     * output for two, as before; {@code K} outputs for {@code K} colours).
     */
    static NetworkSpec spec(StudioSettings s, DataSplits points) {
        return s.settings().network().withClasses(points.train().classCount());
    }

    /**
     * Loads a saved model: its weights, optimizer state, history and points, as a finished run that
     * may be continued and downloaded.
     *
     * @throws StudioException 409 when a run is going on
     */
    void load(io.github.drawnet.io.SavedModel saved, Backend backend, byte[] png) {
        Experiment next = saved.resume(backend);
        synchronized (this) {
            try {
                SessionLife.check(state, Event.LOAD);
            } catch (StudioException e) {
                next.close();
                throw e;
            }
            closeExperiment();
            this.drawingPng = png;
            this.experiment = next;
            // downloads come with the first epochs trained here (a restored run has no result of its own yet)
            this.result = null;
            state = SessionLife.move(state, Event.LOAD, State.DONE);
        }
        // measured as a run's finish measures it: probabilities and the engine's logits, one row of K a point
        io.github.drawnet.api.Evaluation test = io.github.drawnet.api.Evaluation.of(
                next.model().outputs(next.data().test()), next.data().test());
        events.newRun(next.data(), next.drawing());
        events.broadcast("history", SessionEvents.history(next.history()));
        events.broadcast("maps", events.maps(next.model(), next.epochsCompleted()));
        events.broadcast("done", SessionEvents.loaded(test, next.epochsCompleted()));
        events.broadcast("status", status("loaded " + next.epochsCompleted() + " epochs; Continue trains on"));
    }

    /**
     * Trains one epoch: of a paused run (which then pauses again), or on top of a finished one.
     *
     * @throws StudioException 409 when there is no run, or it is training
     */
    synchronized void step() {
        if ((state == State.TRAINING || state == State.QUEUED) && pauseRequested) {
            // not a change of state (SessionLife's note): one more epoch before the pause
            stepsAllowed++;
            return;
        }
        SessionLife.check(state, Event.STEP);
        if (state == State.PAUSED) {
            pauseRequested = true;
            stepsAllowed = 1;
            requeue(Event.STEP, "queued for one epoch: waiting for a free trainer");
            return;
        }
        start(Event.STEP, 1);
    }

    /**
     * Trains the finished model a few more epochs, numbered on.
     *
     * @throws StudioException 409 when there is no finished run to continue, or one is going on
     */
    synchronized void continueTraining(int epochs) {
        SessionLife.check(state, Event.CONTINUE);
        start(Event.CONTINUE, epochs);
    }

    /**
     * Sets one weight or bias of a paused or finished run's model, as TensorFlow Playground lets one
     * do: Resume, Step or Continue train on from it, with the optimizer's state as it was. The pages
     * are sent the new weights and maps, as after an epoch; a finished run is measured again, so that
     * its test figures and downloads are those of the edited model.
     *
     * @return the value the model holds now (the typed one as a 32-bit float)
     * @throws StudioException 409 when there is no model, or its run is queued or training; 400 when
     *     the edit's indices are beyond the network
     */
    float setWeight(WeightEdit edit) {
        ExperimentResult measured = null;
        float stored;
        synchronized (this) {
            if (state == State.CLOSED) {
                throw new StudioException(410, "this studio session has ended; reload the page");
            }
            if (experiment == null || (state != State.PAUSED && state != State.DONE)) {
                throw new StudioException(409, "weights can be set while a run is paused or finished, not while "
                        + (experiment == null ? "there is none; start one and pause it" : "it is " + stateName()
                        + "; pause it first"));
            }
            // the model is this thread's alone: a paused or finished run has given its trainer back, and a
            // Resume, Step or Continue that comes now waits for this lock before its run is queued
            Model model = experiment.model();
            model.setParameters(edit.applyTo(model.parameters()));
            stored = edit.readFrom(model.parameters());
            LOG.debug("session {} set the {} to {}", id, edit.describe(), stored);
            events.broadcast("maps", events.maps(model, experiment.epochsCompleted()));
            if (state == State.DONE && result != null) {
                measured = experiment.finish();
                result = measured;
            }
        }
        if (measured != null) {
            events.broadcast("done", events.done(measured));
        }
        return stored;
    }

    private String stateName() {
        return state.name().toLowerCase(Locale.ROOT);
    }

    /** Queues a new training call of {@code epochs} on {@code event}; call under the session's lock. */
    private void start(Event event, int epochs) {
        SessionLife.check(state, event);
        stopRequested = false;
        pauseRequested = false;
        stepsAllowed = 0;
        epochsAsked = epochs;
        begun = false;
        requeue(event, "queued: waiting for a free trainer");
    }

    /**
     * Puts the run at the back of the queue on {@code event}: a new run, or a paused one (its call's
     * rest, or all of it when it was paused before reaching a trainer). Call under the session's lock.
     */
    private void requeue(Event event, String message) {
        // checked before the queue hears of it; a queue that refuses (the studio stopping) leaves the state be
        State queued = SessionLife.move(state, event, State.QUEUED);
        Experiment e = experiment;
        int left = begun ? e.epochsLeft() : epochsAsked;
        // the queue's estimate: a step trains its epochs, then gives the trainer back
        int expected = pauseRequested ? Math.max(1, Math.min(stepsAllowed, left)) : left;
        RunQueue.Ticket[] mine = new RunQueue.Ticket[1];
        // the trainer reads its ticket under the session's lock, which this thread holds until it is set
        mine[0] = queue.submit(id, expected, () -> train(e, mine), (place, wait) -> queued(mine[0], place, wait));
        run = mine[0];
        state = queued;
        // under the lock, which the queue's announcer waits for: the page reads 'queued' before its place
        events.broadcast("status", status(message));
    }

    /** Tells the pages the run's place in the queue, unless it has left the queue since. */
    private synchronized void queued(RunQueue.Ticket t, int place, double waitSeconds) {
        if (state != State.QUEUED || run != t) {
            return;
        }
        ObjectNode n = status(queuedMessage(place, waitSeconds));
        n.put("position", place);
        if (!Double.isNaN(waitSeconds)) {
            n.put("waitSeconds", Math.round(waitSeconds));
        }
        events.broadcast("status", n);
    }

    /** Returns what a queued page reads: its place, and the wait when the queue can tell. */
    static String queuedMessage(int place, double waitSeconds) {
        String where = place == 1 ? "next in the queue" : "number " + place + " in the queue";
        if (Double.isNaN(waitSeconds)) {
            return "queued: " + where + ", waiting for a free trainer";
        }
        long s = Math.round(waitSeconds);
        String wait = s < 5 ? "a few seconds" : s < 90 ? "about " + s + " s" : "about " + Math.round(s / 60.0) + " min";
        return "queued: " + where + ", " + wait;
    }

    /**
     * Takes a queued run out of the queue: the Stop of a run that never reached a trainer. Call under
     * the session's lock; returns whether it was still queued.
     */
    private boolean leaveQueue() {
        if (state != State.QUEUED || run == null || !queue.cancel(run)) {
            return false;
        }
        state = SessionLife.move(state, Event.STOP,
                experiment != null && experiment.epochsCompleted() > 0 ? State.DONE : State.IDLE);
        return true;
    }

    /**
     * Pauses the run: a training one after its epoch, when it gives its trainer back; a queued one at
     * once, leaving the queue (Resume puts it at the back again).
     */
    synchronized void pause() {
        if (state == State.TRAINING) {
            pauseRequested = true;
            stepsAllowed = 0;
        } else if (state == State.QUEUED) {
            pauseRequested = true;
            stepsAllowed = 0;
            // a run a trainer has just taken pauses there, before its first epoch
            if (run != null && queue.cancel(run)) {
                state = SessionLife.move(state, Event.PAUSE, State.PAUSED);
                events.broadcast("status", status("paused"));
            }
        }
    }

    /** Resumes a paused run: it goes to the back of the queue, and trains on from its epoch. */
    synchronized void resume() {
        if (state == State.PAUSED) {
            pauseRequested = false;
            stepsAllowed = 0;
            requeue(Event.RESUME, "queued: waiting for a free trainer");
        } else if (state == State.TRAINING || state == State.QUEUED) {
            pauseRequested = false;
            stepsAllowed = 0;
        }
    }

    void stop() {
        ExperimentResult stopped;
        synchronized (this) {
            stopRequested = true;
            pauseRequested = false;
            if (experiment != null) {
                experiment.requestStop();
            }
            if (leaveQueue()) {
                events.broadcast("status", status("stopped before it reached a trainer"));
            }
            stopped = state == State.PAUSED ? stopPaused() : null;
        }
        if (stopped != null) {
            // the figures are drawn outside the lock, as a trained run's are
            events.broadcast("done", events.done(stopped));
            events.broadcast("status", status("stopped"));
        }
    }

    /**
     * Ends a paused run here, on the caller's thread: no trainer holds it. A run paused before its
     * first epoch ends as a queued one does; one paused after an epoch is measured as a stopped run is,
     * and its result returned for the caller to announce. Call under the session's lock.
     */
    private ExperimentResult stopPaused() {
        if (!begun) {
            state = SessionLife.move(state, Event.STOP, experiment.epochsCompleted() > 0 ? State.DONE : State.IDLE);
            events.broadcast("status", status("stopped before it reached a trainer"));
            return null;
        }
        try {
            ExperimentResult r = experiment.finish();
            result = r;
            state = SessionLife.move(state, Event.STOP, State.DONE);
            return r;
        } catch (RuntimeException ex) {
            state = SessionLife.move(state, Event.STOP, State.FAILED);
            LOG.warn("session {} failed", id, ex);
            events.broadcast("failure", SessionEvents.message(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            events.broadcast("status", status("failed"));
            return null;
        }
    }

    /**
     * Ends the session's run now, without waiting for it: a queued run leaves the queue, a training
     * one stops after its epoch, and every later request is refused as ended. {@link #close()} then
     * releases the model, which may wait for that epoch.
     */
    synchronized void end() {
        if (state == State.CLOSED) {
            return;
        }
        if (state == State.QUEUED && run != null) {
            queue.cancel(run);
        }
        state = SessionLife.move(state, Event.END, State.CLOSED);
        stopRequested = true;
        pauseRequested = false;
        if (experiment != null) {
            experiment.requestStop();
        }
    }

    /** What the trainer does after an epoch. */
    private enum Next { GO, PAUSE, STOP }

    /** Called by the trainer after each epoch; {@code last} says it was the call's last (nothing to pause). */
    private synchronized Next next(boolean last) {
        if (stopRequested || state == State.CLOSED || Thread.currentThread().isInterrupted()) {
            return Next.STOP;
        }
        if (!pauseRequested || last) {
            return Next.GO;
        }
        if (stepsAllowed > 0) {
            stepsAllowed--;
            return Next.GO;
        }
        return Next.PAUSE;
    }

    private void train(Experiment e, RunQueue.Ticket[] mine) {
        RunQueue.Ticket ticket;
        boolean rest;
        int epochs;
        synchronized (this) {
            ticket = mine[0];
            if (state != State.QUEUED || run != ticket) {
                return;
            }
            if (pauseRequested && stepsAllowed == 0) {
                // paused as the trainer took it from the queue: the trainer goes straight back
                state = SessionLife.move(state, Event.TAKE, State.PAUSED);
                events.broadcast("status", status("paused"));
                return;
            }
            state = SessionLife.move(state, Event.TAKE, State.TRAINING);
            rest = begun;
            epochs = epochsAsked;
            begun = true;
            if (pauseRequested && stepsAllowed > 0) {
                stepsAllowed--; // the epoch starting now is one of the steps
            }
            // under the lock: a queued place told just before cannot arrive after this
            events.broadcast("status", status(null));
        }
        long start = System.nanoTime();
        long[] lastMaps = {0};
        try {
            int first = e.epochsCompleted() + 1;
            Next[] next = {Next.GO};
            TrainingListener listener = TrainingListener.ofEpochs((m, last) -> {
                ticket.progress(m.epoch() - first + 1);
                events.broadcast("epoch", SessionEvents.epoch(m, last, (System.nanoTime() - start) / 1e9));
                next[0] = next(m.epoch() == last);
                long now = System.nanoTime();
                if (now - lastMaps[0] >= MAP_INTERVAL_NANOS || m.epoch() == last || next[0] != Next.GO) {
                    lastMaps[0] = now;
                    events.broadcast("maps", events.maps(e.model(), m.epoch()));
                    releaseRetired();
                }
            });
            TrainingResult training = rest ? e.trainRest(listener, () -> next[0] != Next.GO)
                    : e.train(epochs, listener, () -> next[0] != Next.GO);
            LOG.debug("session {} trained epochs {} to {}", id, first, training.history().size());
            synchronized (this) {
                if (state == State.CLOSED) {
                    return; // the page went away: nobody waits for the test figures
                }
                if (next[0] == Next.PAUSE && !stopRequested && e.epochsLeft() > 0) {
                    // the trainer goes back to the queue; a Resume or Step that came during the epoch queues the rest
                    if (!pauseRequested || stepsAllowed > 0) {
                        requeue(Event.YIELD, "queued: waiting for a free trainer");
                    } else {
                        state = SessionLife.move(state, Event.YIELD, State.PAUSED);
                        events.broadcast("status", status("paused"));
                    }
                    return;
                }
            }
            ExperimentResult r = e.finish();
            synchronized (this) {
                result = r;
                state = SessionLife.move(state, Event.FINISH, state == State.CLOSED ? State.CLOSED : State.DONE);
            }
            events.broadcast("done", events.done(r));
            events.broadcast("status", status(r.training().stopReason() == StopReason.DIVERGED ? r.training().message()
                    : r.training().stopReason() == StopReason.STOPPED ? "stopped" : "finished"));
        } catch (RuntimeException ex) {
            synchronized (this) {
                if (state == State.CLOSED) {
                    return; // the page went away and took the model with it
                }
                state = SessionLife.move(state, Event.FAIL, State.FAILED);
            }
            LOG.warn("session {} failed", id, ex);
            events.broadcast("failure", SessionEvents.message(ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            events.broadcast("status", status("failed"));
        } finally {
            releaseRetired();   // a run that ended before its first map
        }
    }

    ObjectNode status(String message) {
        synchronized (this) {
            return SessionEvents.status(state.name().toLowerCase(Locale.ROOT),
                    experiment == null ? 0 : experiment.epochsCompleted(), message);
        }
    }

    /** Returns a download of the finished run: the drawing, the report, the model or the points. */
    synchronized byte[] download(String file) throws IOException {
        if (result == null) {
            throw new StudioException(409, "there is nothing to download yet; train first");
        }
        return downloads.get(file, result, drawingPng);
    }

    /** Returns the model's weights and biases now; for tests. */
    synchronized io.github.drawnet.api.Parameters parameters() {
        return experiment.model().parameters();
    }

    /** Returns the history so far (empty before the first run). */
    synchronized History history() {
        return experiment == null ? History.EMPTY : experiment.history();
    }

    void heartbeat() {
        events.heartbeat();
    }

    private void closeExperiment() {
        if (experiment != null) {
            experiment.close();
            experiment = null;
        }
    }

    /** Sets the experiment aside, to be closed after the next run's first map; call under the session's lock. */
    private void retire() {
        if (experiment != null) {
            if (retired != null) {
                retired.close();
            }
            retired = experiment;
            experiment = null;
        }
    }

    /**
     * Closes the retired experiment, if any, on a thread of its own: not the trainer's, whose ND4J
     * workspaces a DL4J network's close destroys.
     */
    private void releaseRetired() {
        Experiment r;
        synchronized (this) {
            r = retired;
            retired = null;
        }
        if (r != null) {
            Thread t = new Thread(r::close, "drawnet-studio-release-" + id);
            t.setDaemon(true);
            t.start();
        }
    }

    /** Ends the session: stops its run, releases the engine's memory, removes its files; waits for the run's epoch. */
    @Override
    public void close() {
        RunQueue.Ticket running;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            end();
            running = run;
        }
        if (running != null) {
            try {
                // let the run notice the stop at its next epoch before its model is closed
                running.finished().get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("session {} did not stop within 30 s; its model is released anyway", id, e);
            }
        }
        synchronized (this) {
            closeExperiment();
            if (retired != null) {
                retired.close();
                retired = null;
            }
            downloads.close();
        }
        events.closeAll();
    }

    /** Returns whether the model has been closed (its native memory released); for tests. */
    synchronized boolean released() {
        return experiment == null && retired == null;
    }

    /** Returns whether a previous run's experiment waits to be closed; for tests. */
    synchronized boolean hasRetired() {
        return retired != null;
    }
}
