package io.github.drawnet.api.spi;

import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;


/**
 * An engine that can hold and train Drawnet's networks: the service provider interface.
 *
 * <p><b>Discovery.</b> Backends are found with {@link java.util.ServiceLoader}: an engine jar lists
 * its implementation in one line of {@code META-INF/services/io.github.drawnet.api.spi.Backend}. Use
 * {@link Backends#discover()} to find them and look one up by {@link #id()}; never import an engine
 * class directly.
 *
 * <p><b>Construction is cheap and never throws.</b> The engine's native library is loaded on first
 * real use ({@link #newModel}, {@link #engineVersion()}); a failure there is thrown as one {@link
 * BackendUnavailableException} that names the engine.
 *
 * <p>Implementations are thread-safe; the models and trainers they make are not (use each from one
 * thread at a time).
 */
public interface Backend {

    /** Returns the short id used to choose the backend, for example {@code djl}. Never loads the engine. */
    String id();

    /**
     * Returns how strongly this backend asks to be the default: {@link Backends#preferred()} picks the
     * highest, and {@link Backends#all()} lists backends from highest to lowest. Engines meant for
     * everyday use return a positive number; a backend that should be chosen only when named (an
     * oracle, a slow fallback) returns a negative one. Never loads the engine.
     */
    default int priority() {
        return 0;
    }

    /**
     * Returns whether this backend can run on this platform ({@link
     * io.github.drawnet.api.spi.NativePlatform#current()}, which the system property {@value
     * io.github.drawnet.api.spi.NativePlatform#PROPERTY} overrides): for an engine, whether it publishes a
     * native library for the platform and this build carries that one. {@link Backends#preferred()} passes
     * over a backend that cannot, and a refusal names one that can. Cheap, never throws, never loads the
     * engine; a false here means {@link #engineVersion()} would throw {@link BackendUnavailableException}
     * (a true does not promise that the library loads). The default, true, suits a backend that needs no
     * native library.
     */
    default boolean supportsPlatform() {
        return true;
    }

    /** Returns a name for people, for example {@code DJL (PyTorch engine)}. Never loads the engine. */
    String displayName();

    /**
     * Returns the engine's version, loading the engine if needed.
     *
     * @throws BackendUnavailableException when the engine cannot be loaded
     */
    String engineVersion();

    /**
     * Makes a model of shape {@code spec} in the engine, holding {@code initial} as its parameters.
     *
     * @throws IllegalArgumentException when {@code initial} does not fit {@code spec}
     * @throws BackendUnavailableException when the engine cannot be loaded
     */
    Model newModel(NetworkSpec spec, Parameters initial);

    /**
     * Makes a model of shape {@code spec} with PyTorch-style initial parameters drawn from {@code seed}
     * ({@link Parameters#initial}), the same numbers on every backend.
     */
    default Model newModel(NetworkSpec spec, long seed) {
        return newModel(spec, Parameters.initial(spec, seed));
    }

    /**
     * Makes a trainer for a model made by this backend.
     *
     * @throws IllegalArgumentException when the model comes from another backend, or the batch size
     *     exceeds the training set
     * @throws IllegalStateException when the model is closed
     */
    Trainer newTrainer(Model model, TrainingConfig config, Dataset train, Dataset validation);

    /**
     * Returns whether models of this backend may train on several threads at once, each thread its
     * own model (a sweep's cells in parallel).
     */
    default boolean supportsConcurrentTraining() {
        return true;
    }
}
