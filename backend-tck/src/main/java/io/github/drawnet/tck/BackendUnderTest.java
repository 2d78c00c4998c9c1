package io.github.drawnet.tck;

import io.github.drawnet.api.spi.Backend;

/**
 * What a backend's test class supplies to the contract: the backend itself. Every contract
 * interface extends this one.
 */
public interface BackendUnderTest {

    /** Returns the backend under test; called once per test, so it may return a new instance. */
    Backend backend();

    /**
     * Returns whether the backend is registered with {@link java.util.ServiceLoader}; only the
     * reference network is not.
     */
    default boolean discoverable() {
        return true;
    }
}
