package io.github.drawnet.api;

import io.github.drawnet.apicheck.ApiBaseline;
import org.junit.jupiter.api.Test;

/**
 * The public API of drawnet-api changes only on purpose: the types and members of {@code io.github.drawnet.api}
 * and {@code io.github.drawnet.api.spi} (not {@code api.internal}), listed from the compiled classes, must equal
 * api/api-baseline.txt. To move the baseline: tools/api-baseline, and a CHANGELOG.md line.
 */
final class ApiBaselineTest {

    @Test
    void publicApi_matchesTheCommittedBaseline() {
        ApiBaseline.check(getClass(), "io.github.drawnet.api", "io.github.drawnet.api.spi");
    }
}
