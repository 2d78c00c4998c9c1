package io.github.drawnet.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.drawnet.api.Backends;
import io.github.drawnet.api.spi.NativePlatform;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The backend is found by id through {@link java.util.ServiceLoader}, says without throwing whether it runs
 * on a platform, and its engine loads where it says it runs.
 */
public interface DiscoveryContract extends BackendUnderTest {

    @Test
    default void discover_byId_findsThisBackend() {
        assumeTrue(discoverable(), "this backend is not registered with ServiceLoader by design");
        Backends backends = Backends.discover();
        assertThat(backends.ids()).contains(backend().id());
        assertThat(backends.get(backend().id())).isInstanceOf(backend().getClass());
    }

    @Test
    default void supportsPlatform_here_engineLoads() {
        assumeTrue(backend().supportsPlatform(), () -> backend().id() + " says it cannot run on "
                + NativePlatform.current() + "; Backends.preferred() passes over it here");
        assertThat(backend().engineVersion()).isNotBlank();
    }

    @Test
    default void supportsPlatform_anyPlatform_answersWithoutThrowing() {
        try {
            for (String platform : List.of("linux-x86_64", "linux-riscv64", "macos-arm64", "windows-x86_64", "")) {
                System.setProperty(NativePlatform.PROPERTY, platform);
                backend().supportsPlatform();
            }
        } finally {
            System.clearProperty(NativePlatform.PROPERTY);
        }
    }

    @Test
    default void engineVersion_loadsEngine_namesIt() {
        assertThat(backend().engineVersion()).isNotBlank();
        assertThat(backend().displayName()).isNotBlank();
    }
}
