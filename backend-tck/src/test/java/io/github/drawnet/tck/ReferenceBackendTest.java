package io.github.drawnet.tck;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.spi.NativePlatform;
import io.github.drawnet.backend.reference.ReferenceBackend;
import org.junit.jupiter.api.Test;

/**
 * The reference network passes the contract it is the oracle of. It runs here, in the contract's own
 * tests, because the contract depends on the reference backend (no dependency cycle).
 */
final class ReferenceBackendTest implements BackendContract {

    @Override
    public Backend backend() {
        return new ReferenceBackend();
    }

    /** The backend the engines' refusals name where they have no native library: it must run there. */
    @Test
    void supportsPlatform_whereNoEngineRuns_yes_andItsEngineLoads() {
        System.setProperty(NativePlatform.PROPERTY, "linux-riscv64");
        try {
            assertThat(backend().supportsPlatform()).isTrue();
            assertThat(backend().engineVersion()).startsWith("Java ");
        } finally {
            System.clearProperty(NativePlatform.PROPERTY);
        }
    }
}
