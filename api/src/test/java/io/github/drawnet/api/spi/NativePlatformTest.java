package io.github.drawnet.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.BackendUnavailableException;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The platform a backend sees, and what it says where its engine cannot run. */
final class NativePlatformTest {

    @AfterEach
    void clear() {
        System.clearProperty(NativePlatform.PROPERTY);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"Linux, amd64, linux-x86_64", "Linux, aarch64, linux-aarch64", "Mac OS X, aarch64, macos-arm64",
        "Mac OS X, x86_64, macos-x86_64", "Windows 11, amd64, windows-x86_64", "FreeBSD, amd64, freebsd-x86_64"})
    void of_javaNames_drawnetNames(String os, String arch, String platform) {
        assertThat(NativePlatform.of(os, arch)).isEqualTo(platform);
    }

    @Test
    void current_isThisMachines_unlessThePropertySaysOtherwise() {
        assertThat(NativePlatform.current()).isEqualTo(NativePlatform.of(System.getProperty("os.name"),
                System.getProperty("os.arch")));
        System.setProperty(NativePlatform.PROPERTY, " MacOS-ARM64 ");
        assertThat(NativePlatform.current()).isEqualTo("macos-arm64");
        assertThat(NativePlatform.ALL).contains("linux-x86_64", "macos-arm64", "windows-x86_64");
    }

    @Test
    void require_publishedAndPacked_passes() {
        System.setProperty(NativePlatform.PROPERTY, "linux-x86_64");
        NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64"), "linux-x86_64", "dl4j");
        NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64"), null, "dl4j");
    }

    @Test
    void require_notPublished_namesTheBackendThatRunsThere() {
        System.setProperty(NativePlatform.PROPERTY, "macos-x86_64");
        assertThatThrownBy(() -> NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64", "macos-arm64"),
                "linux-x86_64", "dl4j")).isInstanceOfSatisfying(BackendUnavailableException.class,
                        e -> assertThat(e.backendId()).isEqualTo("djl"))
                .hasMessage("backend djl is unavailable: PyTorch 2.7.1 publishes no native library for macos-x86_64;"
                        + " use --backend dl4j, which runs there");
    }

    @Test
    void require_packedForAnotherPlatform_namesTheProfile() {
        System.setProperty(NativePlatform.PROPERTY, "macos-arm64");
        assertThatThrownBy(() -> NativePlatform.require("dl4j", "ND4J 1.0.0-M2.1", Set.of("linux-x86_64", "macos-arm64"),
                "linux-x86_64", "djl"))
                .hasMessage("backend dl4j is unavailable: this build carries ND4J 1.0.0-M2.1's native library for"
                        + " linux-x86_64, not macos-arm64; build with -Pplatform-macos-arm64 (the profile that selects"
                        + " it), or use --backend djl");
    }
}
