package io.github.drawnet.backend.dl4j;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.tck.BackendContract;

/** The DL4J backend against the whole backend contract. */
final class Dl4jBackendTest implements BackendContract {

    @Override
    public Backend backend() {
        return new Dl4jBackend();
    }
}
