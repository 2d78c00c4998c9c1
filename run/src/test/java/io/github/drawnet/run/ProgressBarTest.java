package io.github.drawnet.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bar redrawn in place on a terminal, plain lines elsewhere, and the time it says is left. */
final class ProgressBarTest {

    @Test
    void terminal_barRedrawnInPlace_linesPrintedAboveIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar p = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "epochs");
        p.update(1, 4, "loss 0.5000");
        p.line("Epoch 2/4 - Loss: 0.4000");
        p.update(2, 4, "loss 0.4000");
        p.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("\r\u001b[K[#######.....................] 1/4 epochs · loss 0.5000");
        assertThat(out).contains("\r\u001b[KEpoch 2/4 - Loss: 0.4000\n");
        assertThat(out).contains("[##############..............] 2/4 epochs · loss 0.4000 · ").contains(" left");
        assertThat(out).endsWith("\r\u001b[K");
    }

    @Test
    void notTerminal_plainLinesOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar p = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "epochs");
        p.update(1, 4, "loss 0.5");
        p.line("Epoch 2/4");
        p.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("Epoch 2/4" + System.lineSeparator());
    }

    @Test
    void terminal_lineBetweenUpdates_barRedrawnBelowIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar p = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "cells");
        p.update(1, 2, "");
        p.line("cell 1/2 done");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).matches("(?s).*\r\u001b\\[Kcell 1/2 done\\R"
                + "\r\u001b\\[K\\[#{14}\\.{14}\\] 1/2 cells · [0-9.]+ s left");
    }

    @Test
    void terminal_afterFinish_linesPrintPlainWithoutABar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar p = new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "epochs");
        p.update(0, 0, "");
        assertThat(bytes.size()).isZero();
        p.update(1, 3, "");
        p.finish();
        bytes.reset();
        p.line("Accuracy on the test set: 0.9000");
        p.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("Accuracy on the test set: 0.9000"
                + System.lineSeparator());
    }

    @Test
    void terminal_bufferedStream_barReachesTheTerminalAtOnce() {
        // the bar ends without a newline: it must be flushed, or a buffered terminal shows nothing
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ProgressBar p = new ProgressBar(new PrintStream(new BufferedOutputStream(bytes, 8192), false, StandardCharsets.UTF_8),
                true, "epochs");
        p.update(2, 4, "");
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("] 2/4 epochs");
    }

    @Test
    void bar_timeLeft_elapsedPerUnitTimesUnitsRemaining() throws InterruptedException {
        long before = System.nanoTime();
        ProgressBar p = new ProgressBar(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), true,
                "epochs");
        p.update(2, 6, "");
        Thread.sleep(300);
        String bar = p.bar();
        double elapsed = (System.nanoTime() - before) / 1e9;
        assertThat(bar).startsWith("[#########...................] 2/6 epochs · ").endsWith(" s left");
        double left = Double.parseDouble(bar.replaceAll(".* · ([0-9.]+) s left$", "$1"));
        // two done in about 0.3 s, four to go: about twice the time elapsed
        assertThat(left).isBetween(2 * 0.3 - 0.05, 2 * elapsed + 0.05);
    }

    @ParameterizedTest
    @CsvSource({"0.04, 0.0 s", "12.34, 12.3 s", "59.9, 59.9 s", "60, 1 min 00 s", "61.5, 1 min 01 s",
        "3725.9, 62 min 05 s"})
    void duration_secondsUnderAMinute_orMinutesAndSeconds(double seconds, String text) {
        assertThat(ProgressBar.duration(seconds)).isEqualTo(text);
    }
}
