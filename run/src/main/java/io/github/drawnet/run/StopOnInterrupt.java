package io.github.drawnet.run;

import io.github.drawnet.api.EpochMetrics;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a network trains, for a program run from a terminal: while installed, the first SIGINT asks
 * the run to stop at the end of the current epoch (as a {@link RunListener}, it then says stop, and the run
 * is written as a stopped run, every epoch kept); a second one halts the JVM at once with status 130.
 * Closing it gives SIGINT back to what handled it before (the JVM's own handling: exit 130, nothing kept).
 *
 * <pre>{@code
 * try (StopOnInterrupt ctrlC = StopOnInterrupt.install(() -> System.err.println("stopping after this epoch"))) {
 *     FinishedRun run = DrawingRun.of(source).listener(progress.and(ctrlC)).writeFolder();
 *     if (ctrlC.requested()) { ... }
 * }
 * }</pre>
 */
public final class StopOnInterrupt implements AutoCloseable, RunListener {

    /** The exit status of a process that Ctrl-C ended, as shells report it (128 + SIGINT's 2). */
    public static final int EXIT_STATUS = 130;

    private static final Signal INT = new Signal("INT");

    private final AtomicBoolean requested = new AtomicBoolean();
    private final SignalHandler previous;

    private StopOnInterrupt(Runnable onFirst) {
        previous = Signal.handle(INT, signal -> {
            if (!requested.compareAndSet(false, true)) {
                Runtime.getRuntime().halt(EXIT_STATUS);
            }
            onFirst.run();
        });
    }

    /**
     * Handles SIGINT from now until {@link #close()}.
     *
     * @param onFirst told on the first SIGINT (on the signal's thread), for example to say that the run stops
     *     after this epoch
     */
    public static StopOnInterrupt install(Runnable onFirst) {
        return new StopOnInterrupt(Objects.requireNonNull(onFirst, "onFirst"));
    }

    /** Returns whether Ctrl-C was pressed since this was installed. */
    public boolean requested() {
        return requested.get();
    }

    /** Says stop once Ctrl-C was pressed. */
    @Override
    public boolean epoch(EpochMetrics metrics, int lastEpoch) {
        return !requested.get();
    }

    /** Gives SIGINT back to its previous handler. */
    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
