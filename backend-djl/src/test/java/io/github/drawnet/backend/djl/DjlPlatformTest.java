package io.github.drawnet.backend.djl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.spi.NativePlatform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where PyTorch cannot run, the DJL backend says so in one line, naming what runs there. */
final class DjlPlatformTest {

    @AfterEach
    void clear() {
        System.clearProperty(NativePlatform.PROPERTY);
    }

    @Test
    void packedPlatform_isTheNativeJarOnTheClassPath() {
        assertThat(DjlBackend.packedPlatform()).isEqualTo("linux-x86_64");
        assertThat(DjlBackend.PUBLISHED).containsExactlyInAnyOrder("linux-x86_64", "linux-aarch64", "macos-arm64",
                "windows-x86_64");
    }

    @Test
    void checkPlatform_intelMac_namesABackendThatRunsThere() {
        // this module's test class path holds the reference backend (through the contract), not DL4J
        System.setProperty(NativePlatform.PROPERTY, "macos-x86_64");
        assertThatThrownBy(DjlBackend::checkPlatform).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("backend djl is unavailable: PyTorch 2.7.1 publishes no native library for macos-x86_64;"
                        + " use --backend reference, which runs there");
    }

    @Test
    void checkPlatform_riscV_namesTheReferenceBackend() {
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        assertThatThrownBy(DjlBackend::checkPlatform).isInstanceOf(BackendUnavailableException.class)
                .hasMessage("backend djl is unavailable: PyTorch 2.7.1 publishes no native library for linux-riscv64;"
                        + " use --backend reference, which runs there");
    }

    @Test
    void supportsPlatform_theNativeJarsPlatformOnly() {
        DjlBackend djl = new DjlBackend();
        assertThat(djl.supportsPlatform()).isTrue(); // linux-x86_64, the jar this build carries
        for (String elsewhere : new String[] {"linux-riscv64", "macos-x86_64", "macos-arm64", "linux-aarch64"}) {
            System.setProperty(NativePlatform.PROPERTY, elsewhere);
            assertThat(djl.supportsPlatform()).as(elsewhere).isFalse();
            assertThatThrownBy(DjlBackend::checkPlatform).as(elsewhere).isInstanceOf(BackendUnavailableException.class);
        }
        System.setProperty(NativePlatform.PROPERTY, "linux-x86_64");
        assertThat(djl.supportsPlatform()).isTrue();
    }

    @Test
    void checkPlatform_appleSiliconWithLinuxNatives_namesTheProfile() {
        System.setProperty(NativePlatform.PROPERTY, "macos-arm64");
        assertThatThrownBy(DjlBackend::checkPlatform)
                .hasMessageContaining("this build carries PyTorch 2.7.1's native library for linux-x86_64, not"
                        + " macos-arm64; build with -Pplatform-macos-arm64");
        System.setProperty(NativePlatform.PROPERTY, "linux-x86_64");
        DjlBackend.checkPlatform();
    }
}
