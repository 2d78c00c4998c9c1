package io.github.drawnet.tck;

import io.github.drawnet.api.Backend;

/** The reference network passes its own contract (it is not discoverable, by design). */
final class ReferenceBackendTest implements BackendContract {

    @Override
    public Backend backend() {
        return new ReferenceBackend();
    }

    @Override
    public boolean discoverable() {
        return false;
    }
}
