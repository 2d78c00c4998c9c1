package io.github.drawnet.api.spi;

import io.github.drawnet.api.BackendUnavailableException;
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
     * Checks, before a backend loads its engine, that the engine runs here.
     *
     * @param backendId the backend's id, for example {@code djl}
     * @param engine the engine and its version, for example {@code PyTorch 2.7.1}
     * @param published the platforms the engine publishes native libraries for
     * @param packed the platform whose native library this build carries, or null when unknown
     * @param other the id of a backend that runs where this one does not
     * @throws BackendUnavailableException with one line naming the platform and what to do
     */
    public static void require(String backendId, String engine, Set<String> published, String packed, String other) {
        Objects.requireNonNull(published, "published");
        String here = current();
        if (!published.contains(here)) {
            throw new BackendUnavailableException(backendId, String.format(Locale.ROOT,
                    "backend %s is unavailable: %s publishes no native library for %s; use --backend %s, which runs"
                            + " there", backendId, engine, here, other), null);
        }
        if (packed != null && !packed.equals(here)) {
            throw new BackendUnavailableException(backendId, String.format(Locale.ROOT,
                    "backend %s is unavailable: this build carries %s's native library for %s, not %s; build with"
                            + " -Pplatform-%s (the profile that selects it), or use --backend %s",
                    backendId, engine, packed, here, here, other), null);
        }
    }
}
