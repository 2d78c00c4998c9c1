package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The page's logic (the ES modules beside studio.js: studio-logic, settings, state, queue, share, drawing) under
 * Node's built-in test runner, from the build: offline, no npm, no build step. Skipped, visibly, where no
 * {@code node} is on the path, or one older than 20.12 (the first with the raw deflate of share links). Node reads
 * the page's {@code .js} files as ES modules by {@code studio/package.json} ({@code "type": "module"}).
 */
final class PageLogicTest {

    static final Path TESTS = Paths.get("src", "test", "js");

    @Test
    void nodeTestRunner_pageModules_allPass() throws Exception {
        String version = nodeVersion();
        assumeTrue(version != null, "node is not installed: the page's logic tests (src/test/js) did not run");
        assumeTrue(recentEnough(version), "node " + version + " is older than 20.12 (no raw deflate): the page's "
                + "logic tests (src/test/js) did not run");
        List<String> command = new ArrayList<>(List.of("node", "--test"));
        try (Stream<Path> files = Files.list(TESTS)) {
            files.filter(f -> f.getFileName().toString().endsWith(".test.mjs")).sorted()
                    .forEach(f -> command.add(f.toString()));
        }
        // one test file a module: studio-logic, settings, state, queue, share, drawing, network-edit
        assertThat(command).hasSize(2 + 7);
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out;
        try (var in = p.getInputStream()) {
            out = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("node --test finished").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("# fail 0").doesNotContain("# pass 0");
    }

    @Test
    void recentEnough_byVersion() {
        assertThat(recentEnough("v20.11.1")).isFalse();
        assertThat(recentEnough("v20.12.0")).isTrue();
        assertThat(recentEnough("v21.7.0")).isFalse();
        assertThat(recentEnough("v22.0.0")).isTrue();
        assertThat(recentEnough("v18.20.1")).isFalse();
        assertThat(recentEnough("not a version")).isFalse();
    }

    /**
     * Returns whether node of this version ({@code v20.19.0}) runs the page's modules: 20.12 and later 20s, 22 and
     * later (CompressionStream's raw deflate, which the share links use, came in 20.12 and 21.2).
     */
    static boolean recentEnough(String version) {
        Matcher m = Pattern.compile("v(\\d+)\\.(\\d+)\\..*").matcher(version.strip());
        if (!m.matches()) {
            return false;
        }
        int major = Integer.parseInt(m.group(1));
        int minor = Integer.parseInt(m.group(2));
        return major >= 22 || major == 20 && minor >= 12;
    }

    /** Returns node's version ({@code v20.19.0}), or null when there is no node to run. */
    static String nodeVersion() {
        try {
            Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
