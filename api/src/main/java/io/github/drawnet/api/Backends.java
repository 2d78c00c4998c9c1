package io.github.drawnet.api;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.spi.NativePlatform;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backends found on the classpath, by id.
 *
 * <p>Discovery is defensive, as SLF4J's is: a provider that fails to load or to construct is logged
 * and recorded in {@link #problems()}, and the others are still found. When two providers share an
 * id, the first found wins and the second is recorded as a problem. Backends are ranked by their
 * own {@link Backend#priority()}; no id is special here.
 *
 * <p>Immutable and thread-safe.
 */
public final class Backends {

    /** The system property that names the preferred backend; it beats discovery order. */
    public static final String PREFERRED_PROPERTY = "drawnet.backend";

    private static final Logger LOG = LoggerFactory.getLogger(Backends.class);

    private final Map<String, Backend> byId;
    private final List<String> problems;

    private Backends(Map<String, Backend> byId, List<String> problems) {
        this.byId = byId;
        this.problems = List.copyOf(problems);
    }

    /** Finds every backend registered with {@link ServiceLoader} on the context class loader's path. */
    public static Backends discover() {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        return discover(cl != null ? cl : Backends.class.getClassLoader());
    }

    /** Finds every backend registered with {@link ServiceLoader} visible to {@code loader}. */
    public static Backends discover(ClassLoader loader) {
        return from(ServiceLoader.load(Backend.class, loader).iterator());
    }

    /** Returns a registry of the given backends, in order; for tests and embedding. */
    public static Backends of(Backend... backends) {
        return from(List.of(backends).iterator());
    }

    private static Backends from(Iterator<Backend> providers) {
        Map<String, Backend> found = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        while (true) {
            Backend backend;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                backend = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // one broken provider must not hide the others
                String problem = "a backend provider failed to load: " + e.getMessage();
                LOG.warn(problem, e);
                problems.add(problem);
                continue;
            }
            String id;
            try {
                id = backend.id();
            } catch (RuntimeException e) {
                String problem = "backend " + backend.getClass().getName() + " failed to give its id: " + e;
                LOG.warn(problem, e);
                problems.add(problem);
                continue;
            }
            Backend earlier = found.putIfAbsent(id, backend);
            if (earlier != null) {
                String problem = String.format(Locale.ROOT, "two backends have the id '%s': %s and %s; using the first",
                        id, earlier.getClass().getName(), backend.getClass().getName());
                LOG.warn(problem);
                problems.add(problem);
            }
        }
        // highest priority first; discovery order breaks ties, so the order never depends on a hash
        List<Backend> ranked = new ArrayList<>(found.values());
        ranked.sort(java.util.Comparator.comparingInt(Backends::priorityOf).reversed());
        Map<String, Backend> byId = new LinkedHashMap<>();
        for (Backend b : ranked) {
            byId.put(b.id(), b);
        }
        return new Backends(java.util.Collections.unmodifiableMap(byId), problems);
    }

    private static int priorityOf(Backend backend) {
        try {
            return backend.priority();
        } catch (RuntimeException e) {
            LOG.warn("backend {} failed to give its priority; ranking it last", backend.id(), e);
            return Integer.MIN_VALUE;
        }
    }

    /** Returns the ids of the backends found, highest {@link Backend#priority()} first. */
    public List<String> ids() {
        return List.copyOf(byId.keySet());
    }

    /** Returns the backends found, highest {@link Backend#priority()} first. */
    public List<Backend> all() {
        return List.copyOf(byId.values());
    }

    /** Returns what went wrong during discovery, one line each; empty when nothing did. */
    public List<String> problems() {
        return problems;
    }

    /** Returns the backend with the given id, if one was found. */
    public Optional<Backend> find(String id) {
        return Optional.ofNullable(byId.get(id == null ? null : id.strip().toLowerCase(Locale.ROOT)));
    }

    /**
     * Returns the backend with the given id.
     *
     * @throws UnknownBackendException listing the available ids when there is none
     */
    public Backend get(String id) {
        return find(id).orElseThrow(() -> new UnknownBackendException(id, ids()));
    }

    /**
     * Returns the backend to use when none is named: the one named by the system property {@value
     * #PREFERRED_PROPERTY} if set, else the one of highest {@link Backend#priority()} (the first found
     * among equals) that {@linkplain Backend#supportsPlatform() can run on this platform}; when none can,
     * the one of highest priority, whose refusal then says why.
     *
     * @throws UnknownBackendException when the property names an unknown backend, or none was found
     */
    public Backend preferred() {
        return preferred(note -> { });
    }

    /**
     * Returns {@link #preferred()}, and tells {@code note}, in one line for people, when that is not the
     * backend of highest priority because those above it cannot run on this platform, for example
     * {@code djl and dl4j cannot run on linux-riscv64 (no native library for it); using backend
     * reference: plain-Java reference network (double precision)}. Says nothing when the property names
     * the backend.
     *
     * @param note receives the line (without the command's prefix), at most once
     * @throws UnknownBackendException when the property names an unknown backend, or none was found
     */
    public Backend preferred(Consumer<String> note) {
        String wanted = System.getProperty(PREFERRED_PROPERTY);
        if (wanted != null && !wanted.isBlank()) {
            return get(wanted);
        }
        if (byId.isEmpty()) {
            throw new UnknownBackendException("(default)", ids());
        }
        List<String> passed = new ArrayList<>();
        for (Backend b : byId.values()) {
            if (runsHere(b)) {
                if (!passed.isEmpty()) {
                    note.accept(cannotRun(passed) + "; using backend " + b.id() + ": " + b.displayName());
                }
                return b;
            }
            passed.add(b.id());
        }
        return byId.values().iterator().next();
    }

    /** How long the JVM's exit waits for an engine that is still loading (see {@link #loadInBackground}). */
    static final int LOAD_WAIT_AT_EXIT_SECONDS = 60;

    /**
     * Returns the backends found that {@linkplain Backend#supportsPlatform() can run on this platform},
     * highest {@link Backend#priority()} first, and tells {@code note}, in one line for people, which were
     * passed over, for example {@code djl cannot run on macos-x86_64 (no native library for it); using
     * dl4j and reference}. When none can, returns {@link #all()}, whose refusals then say why, and says
     * nothing.
     *
     * @param note receives the line (without the command's prefix), at most once
     */
    public List<Backend> allThatRunHere(Consumer<String> note) {
        List<Backend> run = new ArrayList<>();
        List<String> passed = new ArrayList<>();
        for (Backend b : byId.values()) {
            if (runsHere(b)) {
                run.add(b);
            } else {
                passed.add(b.id());
            }
        }
        if (run.isEmpty()) {
            return all();
        }
        if (!passed.isEmpty()) {
            note.accept(cannotRun(passed) + "; using " + and(run.stream().map(Backend::id).toList()));
        }
        return List.copyOf(run);
    }

    private static String cannotRun(List<String> passed) {
        return and(passed) + " cannot run on " + NativePlatform.current() + " (no native library for it)";
    }

    /** Returns {@code a}, {@code a and b}, {@code a, b and c}. */
    private static String and(List<String> ids) {
        int last = ids.size() - 1;
        return last == 0 ? ids.get(0) : String.join(", ", ids.subList(0, last)) + " and " + ids.get(last);
    }

    /**
     * Returns the backend a command uses: the one with id {@code id} when given, else {@link
     * #preferred(Consumer)}, which tells {@code note} when it passed over backends that cannot
     * run here.
     *
     * @param id the backend's id, or null for the preferred one
     * @param note receives at most one line for people, without the command's prefix
     * @throws UnknownBackendException when there is no backend of that id, or none at all
     */
    public Backend choose(String id, Consumer<String> note) {
        return id == null ? preferred(note) : get(id);
    }

    /**
     * Returns the backends a command uses: those with the ids {@code ids}, in order, when there are any, else
     * {@link #preferred(Consumer)} alone.
     *
     * @param ids the backends' ids; null or empty for the preferred one
     * @param note receives at most one line for people, without the command's prefix
     * @throws UnknownBackendException naming the first unknown id, or when there is no backend at all
     */
    public List<Backend> choose(List<String> ids, Consumer<String> note) {
        return ids == null || ids.isEmpty() ? List.of(preferred(note)) : ids.stream().map(this::get).toList();
    }

    /**
     * Returns the backend of highest {@link Backend#priority()}, other than {@code id}, that {@linkplain
     * Backend#supportsPlatform() can run on this platform}: the one a refusal of {@code id} names.
     */
    public Optional<Backend> runsHereInstead(String id) {
        return byId.values().stream().filter(b -> !b.id().equals(id) && runsHere(b)).findFirst();
    }

    private static boolean runsHere(Backend backend) {
        try {
            return backend.supportsPlatform();
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("backend {} failed to say whether it runs on this platform; passing over it", backend.id(), e);
            return false;
        }
    }

    /**
     * Starts loading {@code backend}'s engine ({@link Backend#engineVersion()}) on a daemon thread and
     * returns a way to wait for it. A command reads and samples its drawing meanwhile: an engine's
     * native libraries take most of a second to load, which then overlaps the command's own work
     * instead of adding to it. Loading is the engine's own once-only, locked step, so a thread that
     * needs the engine before the loader is done simply waits for it.
     *
     * <p>A JVM that exits while the loader is inside a native library's initialisers can crash in that
     * library (PyTorch's static destructors ran beside its constructors: SIGSEGV in {@code libtorch_cpu.so},
     * exit 134 instead of a refused command's 2, seen once in about 40 refusals). So while the load is
     * under way, the JVM's exit waits for it, up to {@value #LOAD_WAIT_AT_EXIT_SECONDS} seconds; a command
     * that fails on its input still exits without loading anything else.
     *
     * @param backend the backend whose engine to load
     * @return waits for the load and returns the engine's version; throws what loading threw (a
     *     {@link BackendUnavailableException} when the engine cannot load), each time it is called
     */
    public static java.util.function.Supplier<String> loadInBackground(Backend backend) {
        java.util.concurrent.FutureTask<String> load = new java.util.concurrent.FutureTask<>(backend::engineVersion);
        Thread atExit = new Thread(() -> {
            try {
                load.get(LOAD_WAIT_AT_EXIT_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the load failed or hangs: nothing more to wait for
            }
        }, "drawnet-engine-load-" + backend.id() + "-at-exit");
        Runtime.getRuntime().addShutdownHook(atExit);
        Thread loader = new Thread(() -> {
            try {
                load.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(atExit);
                } catch (IllegalStateException exiting) {
                    // the JVM is exiting: the hook returns at once, the load being done
                }
            }
        }, "drawnet-engine-load-" + backend.id());
        loader.setDaemon(true); // a command that fails on its input exits without waiting for anything else
        loader.start();
        return () -> {
            try {
                return load.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while " + backend.id() + "'s engine loaded", e);
            } catch (java.util.concurrent.ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }
}
