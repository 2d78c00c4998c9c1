package io.github.drawnet.api.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.BackendsTest;
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

    /** The backends a refusal may name: DL4J runs on Linux x86-64 and Intel Macs, the reference everywhere. */
    static Backends candidates(boolean withReference) {
        Backend djl = BackendsTest.engine("djl", 200, "linux-x86_64", "macos-arm64");
        Backend dl4j = BackendsTest.engine("dl4j", 100, "linux-x86_64", "macos-x86_64");
        return withReference ? Backends.of(djl, dl4j, BackendsTest.anywhere("reference", -100))
                : Backends.of(djl, dl4j);
    }

    @Test
    void require_publishedAndPacked_passes() {
        System.setProperty(NativePlatform.PROPERTY, "linux-x86_64");
        NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64"), "linux-x86_64");
        NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64"), null);
        NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64"), null, candidates(true));
    }

    @Test
    void supports_publishedAndPacked_only() {
        System.setProperty(NativePlatform.PROPERTY, "linux-x86_64");
        assertThat(NativePlatform.supports(Set.of("linux-x86_64"), "linux-x86_64")).isTrue();
        assertThat(NativePlatform.supports(Set.of("linux-x86_64"), null)).isTrue();
        assertThat(NativePlatform.supports(Set.of("linux-x86_64", "macos-arm64"), "macos-arm64")).isFalse();
        assertThat(NativePlatform.supports(Set.of("macos-arm64"), null)).isFalse();
        assertThat(NativePlatform.supports(null, null)).isFalse();
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        assertThat(NativePlatform.supports(NativePlatform.ALL, null)).isFalse();
    }

    @Test
    void require_notPublished_namesTheBackendThatRunsThere() {
        System.setProperty(NativePlatform.PROPERTY, "macos-x86_64");
        assertThatThrownBy(() -> NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64", "macos-arm64"),
                "linux-x86_64", candidates(true))).isInstanceOfSatisfying(BackendUnavailableException.class,
                        e -> assertThat(e.backendId()).isEqualTo("djl"))
                .hasMessage("backend djl is unavailable: PyTorch 2.7.1 publishes no native library for macos-x86_64;"
                        + " use --backend dl4j, which runs there");
    }

    @Test
    void require_noEngineRunsThere_namesTheReference_notTheOtherEngine() {
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        assertThatThrownBy(() -> NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64", "macos-arm64"),
                "linux-x86_64", candidates(true)))
                .hasMessage("backend djl is unavailable: PyTorch 2.7.1 publishes no native library for linux-riscv64;"
                        + " use --backend reference, which runs there");
        assertThatThrownBy(() -> NativePlatform.require("dl4j", "ND4J 1.0.0-M2.1", Set.of("linux-x86_64"),
                "linux-x86_64", candidates(true)))
                .hasMessage("backend dl4j is unavailable: ND4J 1.0.0-M2.1 publishes no native library for"
                        + " linux-riscv64; use --backend reference, which runs there");
    }

    @Test
    void require_nothingElseRunsThere_saysSo() {
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        assertThatThrownBy(() -> NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64"), null,
                candidates(false)))
                .hasMessage("backend djl is unavailable: PyTorch 2.7.1 publishes no native library for linux-riscv64;"
                        + " no other backend found runs there (add drawnet-backend-reference, which runs anywhere)");
        System.setProperty(NativePlatform.PROPERTY, "macos-arm64");
        assertThatThrownBy(() -> NativePlatform.require("dl4j", "ND4J 1.0.0-M2.1", Set.of("linux-x86_64",
                "macos-arm64"), "linux-x86_64", Backends.of(BackendsTest.anywhere("dl4j", 100))))
                .hasMessage("backend dl4j is unavailable: this build carries ND4J 1.0.0-M2.1's native library for"
                        + " linux-x86_64, not macos-arm64; build with -Pplatform-macos-arm64 (the profile that selects"
                        + " it); no other backend found runs there (add drawnet-backend-reference, which runs"
                        + " anywhere)");
    }

    @Test
    void require_packedForAnotherPlatform_namesTheProfile() {
        System.setProperty(NativePlatform.PROPERTY, "macos-arm64");
        assertThatThrownBy(() -> NativePlatform.require("dl4j", "ND4J 1.0.0-M2.1", Set.of("linux-x86_64", "macos-arm64"),
                "linux-x86_64", candidates(true)))
                .hasMessage("backend dl4j is unavailable: this build carries ND4J 1.0.0-M2.1's native library for"
                        + " linux-x86_64, not macos-arm64; build with -Pplatform-macos-arm64 (the profile that selects"
                        + " it), or use --backend djl");
    }

    @Test
    void require_withoutCandidates_namesWhatTheClassPathHolds() {
        // the api's test class path registers one backend, "fake", which runs anywhere
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        assertThatThrownBy(() -> NativePlatform.require("djl", "PyTorch 2.7.1", Set.of("linux-x86_64"), null))
                .hasMessageEndingWith("; use --backend fake, which runs there");
        assertThat(NativePlatform.runsHereInstead("djl")).isEqualTo("fake");
        assertThat(NativePlatform.runsHereInstead("fake")).isNull();
    }
}
