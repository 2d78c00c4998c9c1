package io.github.drawnet.tck;

import io.github.drawnet.api.Backend;
import io.github.drawnet.backend.reference.ReferenceBackend;

/**
 * The reference network passes the contract it is the oracle of. It runs here, in the contract's own
 * tests, because the contract depends on the reference backend (no dependency cycle).
 */
final class ReferenceBackendTest implements BackendContract {

    @Override
    public Backend backend() {
        return new ReferenceBackend();
    }
}
