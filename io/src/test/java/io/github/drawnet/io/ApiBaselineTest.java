package io.github.drawnet.io;

import io.github.drawnet.apicheck.ApiBaseline;
import org.junit.jupiter.api.Test;

/**
 * The public API of drawnet-io changes only on purpose: its types and members, listed from the compiled
 * classes, must equal io/api-baseline.txt. To move the baseline: tools/api-baseline, and a CHANGELOG.md line.
 */
final class ApiBaselineTest {

    @Test
    void publicApi_matchesTheCommittedBaseline() {
        ApiBaseline.check(getClass(), "io.github.drawnet.io");
    }
}
