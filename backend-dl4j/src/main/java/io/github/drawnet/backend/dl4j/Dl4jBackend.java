package io.github.drawnet.backend.dl4j;

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
import java.util.Map;
import java.util.Set;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The DL4J backend, id {@code dl4j}. Cheap to construct; ND4J's native library is loaded on first
 * use, with one native thread unless {@code OMP_NUM_THREADS} says otherwise (the networks are tiny:
 * a thread pool costs more than it gives), and 32-bit floats as the default type.
 *
 * <p>Thread-safe; ND4J itself allows models to train on several threads at once.
 */
public final class Dl4jBackend implements Backend {

    /** The backend's id. */
    public static final String ID = "dl4j";

    private static final Logger LOG = LoggerFactory.getLogger(Dl4jBackend.class);
    private static final Object LOCK = new Object();
    private static volatile String version;

    /** Creates the backend; loads nothing. */
    public Dl4jBackend() {}

    @Override
    public String id() {
        return ID;
    }

    /** Returns 100: the second engine, chosen by default when DJL is absent. */
    @Override
    public int priority() {
        return 100;
    }

    @Override
    public String displayName() {
        return "DL4J (ND4J native CPU)";
    }

    /**
     * Returns whether ND4J publishes a native library for this platform and this build carries it
     * (the check {@link #checkPlatform()} makes before loading); reads one resource, loads nothing.
     */
    @Override
    public boolean supportsPlatform() {
        return NativePlatform.supports(PUBLISHED, packedPlatform());
    }

    @Override
    public String engineVersion() {
        return ensureLoaded();
    }

    /**
     * Loads ND4J's native backend on first call and returns a version string.
     *
     * @throws BackendUnavailableException when the native library cannot be loaded
     */
    static String ensureLoaded() {
        String v = version;
        if (v == null) {
            synchronized (LOCK) {
                v = version;
                if (v == null) {
                    v = load();
                    version = v;
                }
            }
        }
        return v;
    }

    /** The platforms ND4J 1.0.0-M2.1 publishes CPU native libraries for. */
    static final Set<String> PUBLISHED = Set.of("linux-x86_64", "linux-aarch64", "macos-arm64", "macos-x86_64",
            "windows-x86_64");

    /** JavaCPP's names of those platforms, as the native jar's folders are named. */
    private static final Map<String, String> JAVACPP = Map.of("linux-x86_64", "linux-x86_64", "linux-arm64",
            "linux-aarch64", "macosx-arm64", "macos-arm64", "macosx-x86_64", "macos-x86_64", "windows-x86_64",
            "windows-x86_64");

    /**
     * Checks that ND4J runs on this platform and that this build carries its native library.
     *
     * @throws BackendUnavailableException naming the platform and what to do
     */
    static void checkPlatform() {
        NativePlatform.require(ID, "ND4J 1.0.0-M2.1", PUBLISHED, packedPlatform());
    }

    /** Returns the platform of the ND4J native jar on the class path, or null when there is none. */
    static String packedPlatform() {
        ClassLoader loader = Dl4jBackend.class.getClassLoader();
        for (Map.Entry<String, String> e : JAVACPP.entrySet()) {
            if (loader.getResource("org/nd4j/linalg/cpu/nativecpu/bindings/" + e.getKey() + "/") != null) {
                return e.getValue();
            }
        }
        return null;
    }

    /** ND4J's property naming its operation executioner class. */
    static final String EXECUTIONER_PROPERTY = "opexec";

    /**
     * Asks ND4J, before it starts, to run operations through {@link FencedOpExecutioner} (which keeps
     * each operation's arrays alive until the native call returns), unless the property is already set
     * or ND4J's class loader cannot see the class. Returns whether the property now names it.
     */
    static boolean installFencedExecutioner() {
        String name = FencedOpExecutioner.class.getName();
        if (System.getProperty(EXECUTIONER_PROPERTY) == null
                && org.nd4j.common.config.ND4JClassLoading.classPresentOnClasspath(name)) {
            System.setProperty(EXECUTIONER_PROPERTY, name);
        }
        return name.equals(System.getProperty(EXECUTIONER_PROPERTY));
    }

    private static String load() {
        checkPlatform();
        long start = System.nanoTime();
        // JavaCPP checks the process's physical memory on every allocation unless told not to: with
        // thousands of tiny arrays per epoch that check was a third of the training time
        if (System.getProperty("org.bytedeco.javacpp.maxPhysicalBytes") == null) {
            System.setProperty("org.bytedeco.javacpp.maxPhysicalBytes", "0");
        }
        installFencedExecutioner();
        try {
            Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
            if (System.getenv("OMP_NUM_THREADS") == null) {
                Nd4j.getEnvironment().setMaxThreads(1);
                Nd4j.getEnvironment().setMaxMasterThreads(1);
                Nd4j.factory().blas().setMaxThreads(1);
            }
            String backend = Nd4j.getBackend().getClass().getSimpleName();
            LOG.debug("ND4J {} loaded in {} ms, operations run by {}", backend, (System.nanoTime() - start) / 1_000_000,
                    Nd4j.getExecutioner().getClass().getSimpleName());
            return "DL4J " + buildVersion() + ", ND4J native CPU, " + Nd4j.getEnvironment().maxThreads() + " thread(s)";
        } catch (Throwable t) { // NOPMD: an UnsatisfiedLinkError must become the one documented exception
            throw BackendUnavailableException.nativeLoadFailed(ID, "ND4J", NativePlatform.runsHereInstead(ID), t);
        }
    }

    private static String buildVersion() {
        try (java.io.InputStream in = Dl4jBackend.class.getResourceAsStream("/drawnet-dl4j.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    @Override
    public Model newModel(NetworkSpec spec, Parameters initial) {
        initial.requireFits(spec);
        ensureLoaded();
        return new Dl4jModel(spec, initial);
    }

    @Override
    public Trainer newTrainer(Model model, TrainingConfig config, Dataset train, Dataset validation) {
        Checks.argument(model instanceof Dl4jModel, "the dl4j backend cannot train a model of backend %s",
                model.backendId());
        return new Dl4jTrainer((Dl4jModel) model, config, train, validation);
    }
}
