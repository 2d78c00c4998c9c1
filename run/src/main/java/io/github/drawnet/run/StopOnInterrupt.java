package io.github.drawnet.run;

import java.util.function.BooleanSupplier;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C while a network trains, for a program run from a terminal: while installed, the first SIGINT asks
 * the run to stop at the end of the current epoch (as the {@link DrawingRun#stopWhen} of a run, which is then
 * written as a stopped run, every epoch kept; as a {@code BooleanSupplier}, it says {@code true} from then on); a second one halts the JVM at once with status 130.
 * Closing it gives SIGINT back to what handled it before (the JVM's own handling: exit 130, nothing kept).
 * It uses the JDK's {@code sun.misc.Signal} (module {@code jdk.unsupported}, in every JDK since 9), found at
 * run time; on a runtime without it nothing is installed and Ctrl-C keeps the JVM's handling.
 *
 * <pre>{@code
 * try (StopOnInterrupt ctrlC = StopOnInterrupt.install(() -> System.err.println("stopping after this epoch"))) {
 *     FinishedRun run = DrawingRun.of(source).listener(progress).stopWhen(ctrlC).writeFolder();
 *     if (ctrlC.requested()) { ... }
 * }
 * }</pre>
 */
public final class StopOnInterrupt implements AutoCloseable, BooleanSupplier {

    /** The exit status of a process that Ctrl-C ended, as shells report it (128 + SIGINT's 2). */
    public static final int EXIT_STATUS = 130;

    private final AtomicBoolean requested = new AtomicBoolean();
    private final Object previous; // the handler before this one, or null when none was installed

    private StopOnInterrupt(Runnable onFirst) {
        previous = handle(signal -> {
            if (!requested.compareAndSet(false, true)) {
                Runtime.getRuntime().halt(EXIT_STATUS);
            }
            onFirst.run();
        });
    }

    /** Sets SIGINT's handler through {@code sun.misc.Signal}; returns the previous one, or null when unavailable. */
    private static Object handle(java.util.function.Consumer<Object> handler) {
        try {
            Class<?> type = Class.forName("sun.misc.SignalHandler");
            Object proxy = Proxy.newProxyInstance(StopOnInterrupt.class.getClassLoader(), new Class<?>[] {type},
                    (p, m, args) -> {
                if (m.getDeclaringClass() == Object.class) {
                    return switch (m.getName()) {
                        case "equals" -> p == args[0];
                        case "hashCode" -> System.identityHashCode(p);
                        default -> "drawnet Ctrl-C handler";
                    };
                }
                handler.accept(args[0]);
                return null;
            });
            return install(proxy);
        } catch (ReflectiveOperationException | LinkageError | IllegalArgumentException e) {
            return null;
        }
    }

    private static Object install(Object handler) throws ReflectiveOperationException {
        Class<?> signal = Class.forName("sun.misc.Signal");
        Method handle = signal.getMethod("handle", signal, Class.forName("sun.misc.SignalHandler"));
        return handle.invoke(null, signal.getConstructor(String.class).newInstance("INT"), handler);
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

    /** Returns {@link #requested()}: stop once Ctrl-C was pressed. */
    @Override
    public boolean getAsBoolean() {
        return requested.get();
    }

    /** Gives SIGINT back to its previous handler. */
    @Override
    public void close() {
        if (previous != null) {
            try {
                install(previous);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot give SIGINT back to its handler", e);
            }
        }
    }
}
