package io.github.drawnet.studio;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The studio's trainers and the one queue of runs waiting for them: first come, first served, each
 * waiting run told its place and an estimated wait whenever either changes. A queued run leaves the
 * queue at once when its page goes ({@link #cancel}): nothing about leaving waits for a trainer.
 *
 * <p>The wait is estimated from the seconds per epoch measured on the runs trained so far (each
 * training run's own rate once it has trained an epoch): the trainers' remaining work is handed out,
 * run by run in queue order, to whichever trainer frees first.
 *
 * <p>Thread-safe.
 */
final class RunQueue implements AutoCloseable {

    /** Told of a queued run's place, 1 for next; {@code waitSeconds} is NaN while nothing has been measured. */
    interface Watcher {
        void queued(int position, double waitSeconds);
    }

    /**
     * One turn of a run: queued, then training on a trainer, then finished (or cancelled while queued).
     * A run that pauses ends its turn; its Resume or Step takes a new ticket, at the back of the queue.
     */
    static final class Ticket {
        final String owner;
        final int epochs;
        private final Runnable work;
        private final Watcher watcher;
        private final CompletableFuture<Void> finished = new CompletableFuture<>();
        private long startedNanos;
        private volatile int epochsDone;

        Ticket(String owner, int epochs, Runnable work, Watcher watcher) {
            this.owner = owner;
            this.epochs = Math.max(1, epochs);
            this.work = work;
            this.watcher = watcher;
        }

        /** Tells the queue how far the run got; the trainer calls it after each epoch. */
        void progress(int epochs) {
            epochsDone = epochs;
        }

        /** Completes when the run has left its trainer, or left the queue without one. */
        CompletableFuture<Void> finished() {
            return finished;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(RunQueue.class);
    /** How much a new run's rate counts in the running mean of seconds per epoch. */
    private static final double WEIGHT = 0.3;

    private final Deque<Ticket> waiting = new ArrayDeque<>();
    private final Set<Ticket> training = new LinkedHashSet<>();
    private final List<Thread> trainers = new ArrayList<>();
    private double secondsPerEpoch = Double.NaN;
    private long finishedRuns;
    private long cancelledRuns;
    private boolean closed;
    /** Tells waiting runs their places on a thread of its own: telling takes each session's lock. */
    private final java.util.concurrent.ExecutorService announcer = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "drawnet-studio-queue");
        t.setDaemon(true);
        return t;
    });
    private final java.util.concurrent.atomic.AtomicBoolean announcing = new java.util.concurrent.atomic.AtomicBoolean();

    /** Starts {@code trainers} trainer threads. */
    RunQueue(int trainers) {
        io.github.drawnet.api.internal.Checks.inRange("trainers", trainers, 1, 64);
        for (int i = 0; i < trainers; i++) {
            Thread t = new Thread(this::serve, "drawnet-studio-trainer-" + (i + 1));
            t.setDaemon(true);
            this.trainers.add(t);
            t.start();
        }
    }

    /**
     * Puts a run at the back of the queue and tells every waiting run its place.
     *
     * @throws StudioException 503 when the studio is stopping
     */
    Ticket submit(String owner, int epochs, Runnable work, Watcher watcher) {
        Ticket t = new Ticket(owner, epochs, work, watcher);
        synchronized (this) {
            if (closed) {
                throw new StudioException(503, "the studio is stopping");
            }
            waiting.addLast(t);
            notifyAll();
        }
        announce();
        return t;
    }

    /**
     * Takes a run out of the queue if it has not reached a trainer; returns whether it had not (a
     * run already training is stopped by its own flag, after its epoch).
     */
    boolean cancel(Ticket t) {
        boolean removed;
        synchronized (this) {
            removed = waiting.remove(t);
            if (removed) {
                cancelledRuns++;
            }
        }
        if (removed) {
            t.finished.complete(null);
            announce();
        }
        return removed;
    }

    /**
     * Has every waiting run told its place and estimated wait soon, on the queue's own thread (never
     * the caller's, which may hold a session's lock); requests that come while one is pending join it.
     */
    void announce() {
        if (announcing.compareAndSet(false, true)) {
            try {
                announcer.execute(() -> {
                    announcing.set(false);
                    tell();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                announcing.set(false); // closed
            }
        }
    }

    private void tell() {
        List<Ticket> queue;
        double[] waits;
        synchronized (this) {
            queue = List.copyOf(waiting);
            waits = estimates();
        }
        for (int i = 0; i < queue.size(); i++) {
            Watcher w = queue.get(i).watcher;
            if (w != null) {
                try {
                    w.queued(i + 1, waits[i]);
                } catch (RuntimeException e) {
                    LOG.debug("a queued run's page could not be told its place", e);
                }
            }
        }
    }

    /** Returns the estimated seconds before each waiting run reaches a trainer, in queue order; call locked. */
    private double[] estimates() {
        long now = System.nanoTime();
        List<Running> running = training.stream()
                .map(t -> new Running(t.epochs, t.epochsDone, (now - t.startedNanos) / 1e9)).toList();
        return estimate(secondsPerEpoch, trainers.size(), running,
                waiting.stream().mapToInt(t -> t.epochs).toArray());
    }

    /**
     * A run on a trainer, as the estimate sees it.
     *
     * @param epochs the epochs it was asked for
     * @param epochsDone the epochs it has trained
     * @param seconds the seconds since it reached its trainer
     */
    record Running(int epochs, int epochsDone, double seconds) {

        /** Returns its own seconds per epoch (its seconds so far for an epoch when none is done yet). */
        double rate() {
            return seconds / Math.max(1, epochsDone);
        }
    }

    /**
     * Estimates the seconds before each waiting run reaches a trainer: each trainer's run finishes at its
     * own rate once it has trained an epoch (else at {@code secondsPerEpoch}), then the waiting runs are
     * handed out in queue order to whichever trainer frees first, each keeping it {@code epochs x
     * secondsPerEpoch}. With no rate learned yet the training runs' own rates stand in; with none of those
     * either every wait is NaN (unknown).
     *
     * @param secondsPerEpoch the rate learned from finished runs, NaN when none has finished
     * @param trainers the number of trainers
     * @param training the runs on the trainers, at most one per trainer
     * @param waiting the waiting runs' epochs, in queue order
     */
    static double[] estimate(double secondsPerEpoch, int trainers, List<Running> training, int[] waiting) {
        double[] out = new double[waiting.length];
        double rate = secondsPerEpoch;
        if (Double.isNaN(rate)) {
            OptionalDouble measured = training.stream().filter(t -> t.epochsDone() > 0)
                    .mapToDouble(Running::rate).average();
            if (measured.isEmpty()) {
                java.util.Arrays.fill(out, Double.NaN);
                return out;
            }
            rate = measured.getAsDouble();
        }
        double[] free = new double[trainers];
        int k = 0;
        for (Running t : training) {
            double left = t.epochsDone() > 0 ? (t.epochs() - t.epochsDone()) * t.rate()
                    : t.epochs() * rate - t.seconds();
            free[k++ % free.length] = Math.max(0, left);
        }
        for (int i = 0; i < waiting.length; i++) {
            int first = earliest(free);
            out[i] = free[first];
            free[first] += waiting[i] * rate;
        }
        return out;
    }

    /**
     * Returns the running mean of seconds per epoch after a run that trained {@code epochsDone} epochs in
     * {@code seconds}: its rate weighs {@link #WEIGHT}; a run that trained no epoch teaches nothing.
     */
    static double learn(double secondsPerEpoch, int epochsDone, double seconds) {
        if (epochsDone <= 0) {
            return secondsPerEpoch;
        }
        double rate = seconds / epochsDone;
        return Double.isNaN(secondsPerEpoch) ? rate : (1 - WEIGHT) * secondsPerEpoch + WEIGHT * rate;
    }

    private static int earliest(double[] free) {
        int best = 0;
        for (int i = 1; i < free.length; i++) {
            if (free[i] < free[best]) {
                best = i;
            }
        }
        return best;
    }

    private void serve() {
        while (true) {
            Ticket t;
            synchronized (this) {
                while (waiting.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed) {
                    return;
                }
                t = waiting.removeFirst();
                t.startedNanos = System.nanoTime();
                training.add(t);
            }
            announce();
            try {
                t.work.run();
            } catch (RuntimeException e) {
                LOG.warn("a studio run failed outside its session", e);
            } finally {
                synchronized (this) {
                    training.remove(t);
                    finishedRuns++;
                    secondsPerEpoch = learn(secondsPerEpoch, t.epochsDone, (System.nanoTime() - t.startedNanos) / 1e9);
                    notifyAll();
                }
                t.finished.complete(null);
                Thread.interrupted(); // a stop's interrupt belongs to that run, not the next
            }
            announce();
        }
    }

    /** Returns the number of trainers. */
    int trainerCount() {
        return trainers.size();
    }

    /** Returns the runs waiting for a trainer. */
    synchronized int waiting() {
        return waiting.size();
    }

    /** Returns the owners of the runs waiting, in queue order. */
    synchronized List<String> waitingOwners() {
        return waiting.stream().map(t -> t.owner).toList();
    }

    /** Returns the runs on a trainer now. */
    synchronized int training() {
        return training.size();
    }

    /** Returns whether no run waits or trains. */
    synchronized boolean idle() {
        return waiting.isEmpty() && training.isEmpty();
    }

    /** Returns the runs that have left a trainer, however they ended. */
    synchronized long finishedRuns() {
        return finishedRuns;
    }

    /** Returns the runs taken out of the queue before they reached a trainer. */
    synchronized long cancelledRuns() {
        return cancelledRuns;
    }

    /** Returns the place of {@code t} in the queue, 1 for next, or 0 when it is not waiting. */
    synchronized int position(Ticket t) {
        int i = 1;
        for (Ticket w : waiting) {
            if (w == t) {
                return i;
            }
            i++;
        }
        return 0;
    }

    /** Waits until no run waits or trains, up to {@code millis}; returns whether it got there. */
    synchronized boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!(waiting.isEmpty() && training.isEmpty())) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0) {
                return false;
            }
            wait(left);
        }
        return true;
    }

    /** Waits up to {@code millis} for every trainer thread to end (after {@link #close}); returns whether they did. */
    boolean awaitTrainersEnded(long millis) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        for (Thread t : trainers) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (t.isAlive()) {
                return false;
            }
        }
        return true;
    }

    /** Stops taking runs; the queued ones are dropped, the trainers interrupted. */
    @Override
    public void close() {
        List<Ticket> dropped;
        synchronized (this) {
            closed = true;
            dropped = List.copyOf(waiting);
            waiting.clear();
            notifyAll();
        }
        dropped.forEach(t -> t.finished.complete(null));
        trainers.forEach(Thread::interrupt);
        announcer.shutdownNow();
    }
}
