package io.github.drawnet.app;

import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.run.RunListener;
import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicBoolean;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while a network trains: the first SIGINT asks the run to stop at the end of the current epoch (it
 * is then written as a stopped run, every epoch kept); a second one exits at once. The JVM's own handling
 * (exit 130, nothing kept) comes back when this is closed.
 */
final class StopOnInterrupt implements AutoCloseable, RunListener {

    private static final Signal INT = new Signal("INT");

    private final AtomicBoolean requested = new AtomicBoolean();
    private final SignalHandler previous;

    StopOnInterrupt(PrintStream err, String command) {
        previous = Signal.handle(INT, signal -> {
            if (!requested.compareAndSet(false, true)) {
                Runtime.getRuntime().halt(ExitCodes.INTERRUPTED);
            }
            err.println("drawnet " + command + ": stopping after this epoch, keeping what was learned (Ctrl-C again"
                    + " to quit at once)");
        });
    }

    /** Returns whether Ctrl-C was pressed. */
    boolean requested() {
        return requested.get();
    }

    @Override
    public boolean epoch(EpochMetrics metrics, int lastEpoch) {
        return !requested.get();
    }

    @Override
    public void close() {
        Signal.handle(INT, previous);
    }
}
