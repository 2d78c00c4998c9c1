package io.github.drawnet.backend.djl;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.JniUtils;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.api.internal.Checks;
import io.github.drawnet.api.spi.NativePlatform;
import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DJL backend, id {@code djl}. Cheap to construct; the PyTorch engine is loaded on first use.
 *
 * <p>Before the engine loads, unless already set, the system properties {@code
 * ai.djl.pytorch.num_threads} and {@code ai.djl.pytorch.num_interop_threads} are set to 1 (the
 * networks are tiny: a thread pool costs more than it gives) and {@code ai.djl.offline} to {@code
 * true} (the native library comes from the {@code pytorch-native-cpu} jar; nothing is downloaded).
 *
 * <p>When this class initialises, before any DJL class can load, {@code OPT_OUT_TRACKING} and
 * {@code ai.djl.offline} are set to {@code true} unless already set: DJL's usage tracking
 * ({@code Ec2Utils.callHome}, run once when DJL's {@code Engine} class initialises) otherwise asks
 * the cloud instance-metadata address 169.254.169.254 where it runs. Drawnet contacts nothing.
 *
 * <p>Thread-safe. Models may train on several threads at once, each thread its own model: grad
 * mode is per thread in PyTorch, and training never uses DJL's JVM-wide {@code GradientCollector}.
 */
public final class DjlBackend implements Backend {

    /** The backend's id. */
    public static final String ID = "djl";

    private static final Logger LOG = LoggerFactory.getLogger(DjlBackend.class);
    private static final Object LOCK = new Object();
    private static volatile Engine engine;

    static {
        // before any DJL class initialises: Engine's static initialiser calls home unless opted out
        setIfAbsent("OPT_OUT_TRACKING", "true");
        setIfAbsent("ai.djl.offline", "true");
    }

    /** Creates the backend; loads nothing. */
    public DjlBackend() {}

    @Override
    public String id() {
        return ID;
    }

    /** Returns 200: the default engine: PyTorch, as in the notebook, and the faster engine here. */
    @Override
    public int priority() {
        return 200;
    }

    @Override
    public String displayName() {
        return "DJL (PyTorch engine)";
    }

    /**
     * Returns whether PyTorch publishes a native library for this platform and this build carries it
     * (the check {@link #checkPlatform()} makes before loading); reads one resource, loads nothing.
     */
    @Override
    public boolean supportsPlatform() {
        return NativePlatform.supports(PUBLISHED, packedPlatform());
    }

    @Override
    public String engineVersion() {
        return "DJL " + Engine.getDjlVersion() + ", PyTorch " + engine().getVersion();
    }

    /**
     * Returns the PyTorch engine, loading it on first call.
     *
     * @throws BackendUnavailableException when the native library cannot be loaded
     */
    static Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (LOCK) {
                e = engine;
                if (e == null) {
                    e = load();
                    engine = e;
                }
            }
        }
        return e;
    }

    /** The platforms PyTorch 2.7 publishes CPU native libraries for through DJL (no Intel Mac). */
    static final Set<String> PUBLISHED = Set.of("linux-x86_64", "linux-aarch64", "macos-arm64", "windows-x86_64");

    /**
     * Checks that PyTorch runs on this platform and that this build carries its native library.
     *
     * @throws BackendUnavailableException naming the platform and what to do
     */
    static void checkPlatform() {
        NativePlatform.require(ID, "PyTorch 2.7.1", PUBLISHED, packedPlatform());
    }

    /** Returns the platform of the PyTorch native jar on the class path, or null when there is none. */
    static String packedPlatform() {
        try (InputStream in = DjlBackend.class.getClassLoader().getResourceAsStream("native/lib/pytorch.properties")) {
            if (in == null) {
                return null;
            }
            Properties p = new Properties();
            p.load(in);
            String classifier = p.getProperty("classifier", "");
            return switch (classifier) {
                case "linux-x86_64", "linux-aarch64" -> classifier;
                case "osx-aarch64" -> "macos-arm64";
                case "osx-x86_64" -> "macos-x86_64";
                case "win-x86_64" -> "windows-x86_64";
                default -> null;
            };
        } catch (IOException e) {
            return null;
        }
    }

    private static Engine load() {
        checkPlatform();
        setIfAbsent("ai.djl.pytorch.num_threads", "1");
        setIfAbsent("ai.djl.pytorch.num_interop_threads", "1");
        setIfAbsent("ai.djl.offline", "true");
        long start = System.nanoTime();
        try {
            Engine e = Engine.getEngine("PyTorch");
            LOG.debug("PyTorch {} loaded in {} ms", e.getVersion(), (System.nanoTime() - start) / 1_000_000);
            return e;
        } catch (Throwable t) { // NOPMD: an UnsatisfiedLinkError must become the one documented exception
            throw BackendUnavailableException.nativeLoadFailed(ID, "PyTorch", NativePlatform.runsHereInstead(ID), t);
        }
    }

    /**
     * Turns PyTorch's autograd recording off on the calling thread. Grad mode is per thread in
     * PyTorch, and only the thread that loaded the engine starts with it off; without this, a
     * forward pass on another thread would record a graph, and in-place parameter updates would fail.
     */
    static void noGrad() {
        JniUtils.setGradMode(false);
    }

    /**
     * Returns a float32 array of the given shape holding a copy of {@code data} in memory PyTorch
     * allocated and owns. DJL's {@code NDManager.create(float[])} and {@code NDArray.set(float[])}
     * instead point the tensor at a Java direct buffer ({@code torch::from_blob}, {@code set_} of a
     * foreign storage), memory PyTorch neither owns nor aligns; tensors that live long and take part
     * in autograd are cloned into PyTorch's own memory.
     */
    static NDArray owned(NDManager manager, float[] data, Shape shape) {
        try (NDArray foreign = manager.create(data, shape)) {
            NDArray own = foreign.duplicate();
            own.attach(manager);
            return own;
        }
    }

    /**
     * Copies {@code data} into {@code target}'s own memory, in place: unlike {@code
     * NDArray.set(float[])}, which rebinds the tensor to a Java buffer, this keeps PyTorch's
     * allocation (and the tensor's identity as an autograd leaf).
     */
    static void copyInto(NDArray target, float[] data) {
        noGrad();
        try (NDArray src = target.getManager().create(data, target.getShape())) {
            target.set(new ai.djl.ndarray.index.NDIndex("..."), src);
        }
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public Model newModel(NetworkSpec spec, Parameters initial) {
        initial.requireFits(spec);
        return new DjlModel(engine(), spec, initial);
    }

    @Override
    public Trainer newTrainer(Model model, TrainingConfig config, Dataset train, Dataset validation) {
        Checks.argument(model instanceof DjlModel, "the djl backend cannot train a model of backend %s",
                model.backendId());
        return new DjlTrainer((DjlModel) model, config, train, validation);
    }
}
