package io.github.drawnet.backend.djl;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.tck.BackendContract;

/** The DJL backend against the whole backend contract. */
final class DjlBackendTest implements BackendContract {

    @Override
    public Backend backend() {
        return new DjlBackend();
    }
}
