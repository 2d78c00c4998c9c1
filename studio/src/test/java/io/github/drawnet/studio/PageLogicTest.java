package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The page's logic (studio-logic.js) under Node's built-in test runner, from the build: offline, no
 * npm. Skipped, visibly, where no {@code node} is on the path.
 */
final class PageLogicTest {

    static final Path TESTS = Paths.get("src", "test", "js", "studio-logic.test.js");
    static final Path NETWORK_EDIT_TESTS = Paths.get("src", "test", "js", "network-edit.test.js");

    @Test
    void nodeTestRunner_pageLogic_allPass() throws Exception {
        runNode(TESTS);
    }

    /** The network drawing's weights and their editor (network-edit.js). */
    @Test
    void nodeTestRunner_networkEdit_allPass() throws Exception {
        runNode(NETWORK_EDIT_TESTS);
    }

    static void runNode(Path tests) throws Exception {
        assumeTrue(nodeAvailable(), "node is not installed: the page's logic tests (src/test/js) did not run");
        assertThat(tests).exists();
        Process p = new ProcessBuilder("node", "--test", tests.toString()).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("node --test finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("# fail 0").doesNotContain("# pass 0");
    }

    static boolean nodeAvailable() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
