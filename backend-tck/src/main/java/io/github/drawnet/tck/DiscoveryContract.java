package io.github.drawnet.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.drawnet.api.Backends;
import org.junit.jupiter.api.Test;

/** The backend is found by id through {@link java.util.ServiceLoader} and its engine loads. */
public interface DiscoveryContract extends BackendUnderTest {

    @Test
    default void discover_byId_findsThisBackend() {
        assumeTrue(discoverable(), "this backend is not registered with ServiceLoader by design");
        Backends backends = Backends.discover();
        assertThat(backends.ids()).contains(backend().id());
        assertThat(backends.get(backend().id())).isInstanceOf(backend().getClass());
    }

    @Test
    default void engineVersion_loadsEngine_namesIt() {
        assertThat(backend().engineVersion()).isNotBlank();
        assertThat(backend().displayName()).isNotBlank();
    }
}
