package io.github.drawnet.api.spi;

import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.Backends;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The platform a native engine runs on, in Drawnet's names ({@code linux-x86_64}, {@code
 * linux-aarch64}, {@code macos-arm64}, {@code macos-x86_64}, {@code windows-x86_64}), and the check a
 * backend makes before loading its engine: that the engine publishes a native library for this
 * platform, and that the build carries that one. Either failure is one line that names what to do:
 * the backend that runs here, or the build profile that packs this platform's library.
 *
 * <p>The system property {@value #PROPERTY} overrides the detected platform (for tests, and to
 * see what a student on another machine would be told).
 */
public final class NativePlatform {

    /** The system property that overrides the detected platform. */
    public static final String PROPERTY = "drawnet.platform";

    /** Every platform Drawnet builds for; each has a build profile {@code platform-<name>}. */
    public static final Set<String> ALL = Set.of("linux-x86_64", "linux-aarch64", "macos-arm64", "macos-x86_64",
            "windows-x86_64");

    /** What a refusal says when no other backend found runs here. */
    private static final String NONE_RUNS = "no other backend found runs there (add drawnet-backend-reference, which"
            + " runs anywhere)";

    private NativePlatform() {}

    /** Returns this machine's platform, or the one {@value #PROPERTY} names. */
    public static String current() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null && !forced.isBlank()) {
            return forced.strip().toLowerCase(Locale.ROOT);
        }
        return of(System.getProperty("os.name", ""), System.getProperty("os.arch", ""));
    }

    /** Returns the platform of an operating system and architecture as Java names them. */
    static String of(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        String system = os.startsWith("mac") || os.startsWith("darwin") ? "macos"
                : os.startsWith("windows") ? "windows" : os.startsWith("linux") ? "linux" : os.replace(' ', '_');
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64"
                : arch.equals("aarch64") || arch.equals("arm64") ? (system.equals("macos") ? "arm64" : "aarch64") : arch;
        return system + "-" + cpu;
    }

    /**
     * Returns whether an engine that publishes native libraries for {@code published}, in a build that
     * carries the one for {@code packed}, runs on this platform: the answer {@link #require} checks, for
     * {@link io.github.drawnet.api.spi.Backend#supportsPlatform()}. Never throws.
     *
     * @param published the platforms the engine publishes native libraries for
     * @param packed the platform whose native library this build carries, or null when unknown
     */
    public static boolean supports(Set<String> published, String packed) {
        String here = current();
        return published != null && published.contains(here) && (packed == null || packed.equals(here));
    }

    /**
     * Checks, before a backend loads its engine, that the engine runs here; a refusal names the backend of
     * highest priority found on the class path ({@link Backends#discover()}) that runs here instead.
     *
     * @param backendId the backend's id, for example {@code djl}
     * @param engine the engine and its version, for example {@code PyTorch 2.7.1}
     * @param published the platforms the engine publishes native libraries for
     * @param packed the platform whose native library this build carries, or null when unknown
     * @throws BackendUnavailableException with one line naming the platform and what to do
     */
    public static void require(String backendId, String engine, Set<String> published, String packed) {
        if (!supports(published, packed)) {
            require(backendId, engine, published, packed, Backends.discover());
        }
    }

    /**
     * Checks, before a backend loads its engine, that the engine runs here; a refusal names the backend of
     * {@code candidates} that {@linkplain Backends#runsHereInstead runs here instead}, or says that none does.
     *
     * @param backendId the backend's id, for example {@code djl}
     * @param engine the engine and its version, for example {@code PyTorch 2.7.1}
     * @param published the platforms the engine publishes native libraries for
     * @param packed the platform whose native library this build carries, or null when unknown
     * @param candidates the backends a refusal may name
     * @throws BackendUnavailableException with one line naming the platform and what to do
     */
    public static void require(String backendId, String engine, Set<String> published, String packed,
            Backends candidates) {
        Objects.requireNonNull(published, "published");
        String here = current();
        String other = candidates.runsHereInstead(backendId).map(Backend::id).orElse(null);
        String use = other != null ? "use --backend " + other + ", which runs there" : NONE_RUNS;
        if (!published.contains(here)) {
            throw new BackendUnavailableException(backendId, String.format(Locale.ROOT,
                    "backend %s is unavailable: %s publishes no native library for %s; %s", backendId, engine, here,
                    use), null);
        }
        if (packed != null && !packed.equals(here)) {
            throw new BackendUnavailableException(backendId, String.format(Locale.ROOT,
                    "backend %s is unavailable: this build carries %s's native library for %s, not %s; build with"
                            + " -Pplatform-%s (the profile that selects it)%s", backendId, engine, packed, here, here,
                    other != null ? ", or use --backend " + other : "; " + NONE_RUNS), null);
        }
    }

    /**
     * Returns the id of the backend found on the class path ({@link Backends#discover()}) that a refusal of
     * {@code backendId} names: the one of highest priority, other than it, that runs here; null when none does.
     */
    public static String runsHereInstead(String backendId) {
        return Backends.discover().runsHereInstead(backendId).map(Backend::id).orElse(null);
    }
}
