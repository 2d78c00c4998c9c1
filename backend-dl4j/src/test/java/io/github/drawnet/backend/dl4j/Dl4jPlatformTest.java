package io.github.drawnet.backend.dl4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.spi.NativePlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where ND4J's native library is not in the build, the DL4J backend says which profile packs it, and which
 * backend runs there (this module's test class path holds the reference backend, through the contract, not DJL).
 */
final class Dl4jPlatformTest {

    @AfterEach
    void clear() {
        System.clearProperty(NativePlatform.PROPERTY);
    }

    @Test
    void packedPlatform_isTheNativeJarOnTheClassPath() {
        assertThat(Dl4jBackend.packedPlatform()).isEqualTo("linux-x86_64");
        assertThat(Dl4jBackend.PUBLISHED).containsExactlyInAnyOrderElementsOf(NativePlatform.ALL);
    }

    @Test
    void checkPlatform_windowsWithLinuxNatives_namesTheProfile() {
        System.setProperty(NativePlatform.PROPERTY, "windows-x86_64");
        assertThatThrownBy(Dl4jBackend::checkPlatform).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("backend dl4j is unavailable: this build carries ND4J 1.0.0-M2.1's native library for"
                        + " linux-x86_64, not windows-x86_64; build with -Pplatform-windows-x86_64 (the profile that"
                        + " selects it), or use --backend reference");
        System.setProperty(NativePlatform.PROPERTY, "solaris-sparc");
        assertThatThrownBy(Dl4jBackend::checkPlatform)
                .hasMessage("backend dl4j is unavailable: ND4J 1.0.0-M2.1 publishes no native library for solaris-sparc;"
                        + " use --backend reference, which runs there");
    }

    @Test
    void checkPlatform_riscV_namesTheReferenceBackend() {
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        assertThatThrownBy(Dl4jBackend::checkPlatform).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("backend dl4j is unavailable: ND4J 1.0.0-M2.1 publishes no native library for linux-riscv64;"
                        + " use --backend reference, which runs there");
    }

    @Test
    void supportsPlatform_theNativeJarsPlatformOnly() {
        Dl4jBackend dl4j = new Dl4jBackend();
        assertThat(dl4j.supportsPlatform()).isTrue(); // linux-x86_64, the jar this build carries
        for (String elsewhere : new String[] {"linux-riscv64", "macos-x86_64", "windows-x86_64", "linux-aarch64"}) {
            System.setProperty(NativePlatform.PROPERTY, elsewhere);
            assertThat(dl4j.supportsPlatform()).as(elsewhere).isFalse();
            assertThatThrownBy(Dl4jBackend::checkPlatform).as(elsewhere).isInstanceOf(BackendUnavailableException.class);
        }
        System.setProperty(NativePlatform.PROPERTY, "linux-x86_64");
        assertThat(dl4j.supportsPlatform()).isTrue();
    }
}
