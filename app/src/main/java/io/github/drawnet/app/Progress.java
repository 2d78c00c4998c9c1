package io.github.drawnet.app;

import io.github.drawnet.run.ProgressBar;
import java.io.PrintStream;

/** The library's {@link ProgressBar} under the name {@code sweep} and {@code grade} still call it by. */
final class Progress {

    private final ProgressBar bar;

    Progress(PrintStream out, boolean terminal, String unit) {
        bar = new ProgressBar(out, terminal, unit);
    }

    static boolean onTerminal() {
        return ProgressBar.onTerminal();
    }

    void line(String text) {
        bar.line(text);
    }

    void update(int done, int total, String status) {
        bar.update(done, total, status);
    }

    void finish() {
        bar.finish();
    }
}
