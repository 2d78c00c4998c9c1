package io.github.drawnet.app;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Shows how far a long job has come. On a terminal, a bar on the last line is redrawn in place
 * (done / total, the latest figures, time left) and other lines print above it; when the output is
 * not a terminal (a file, a pipe, CI), only the plain lines are printed, so logs stay clean.
 *
 * <p>Not thread-safe: call from one thread, or synchronise.
 */
final class Progress {

    private static final int WIDTH = 28;

    private final PrintStream out;
    private final boolean terminal;
    private final String unit;
    private final long start = System.nanoTime();
    private int done;
    private int total;
    private String status = "";
    private boolean barShown;

    Progress(PrintStream out, boolean terminal, String unit) {
        this.out = out;
        this.terminal = terminal;
        this.unit = unit;
    }

    /** Returns whether the process writes to an interactive terminal (and the terminal is not dumb). */
    static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"))
                && System.getenv("DRAWNET_NO_PROGRESS") == null;
    }

    /** Prints a line; on a terminal, above the bar. */
    synchronized void line(String text) {
        clear();
        out.println(text);
        draw();
    }

    /** Records progress and redraws the bar (terminal only). */
    synchronized void update(int done, int total, String status) {
        this.done = done;
        this.total = total;
        this.status = status;
        draw();
    }

    /** Removes the bar. */
    synchronized void finish() {
        clear();
        total = 0;
    }

    /** Returns the bar's text for the current state; visible for tests. */
    String bar() {
        int filled = total == 0 ? 0 : (int) Math.round(WIDTH * (double) done / total);
        double elapsed = (System.nanoTime() - start) / 1e9;
        String left = done == 0 ? "" : String.format(Locale.ROOT, " · %s left",
                duration(elapsed / done * (total - done)));
        return String.format(Locale.ROOT, "[%s%s] %d/%d %s%s%s", "#".repeat(filled), ".".repeat(WIDTH - filled), done,
                total, unit, status.isEmpty() ? "" : " · " + status, left);
    }

    static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        return String.format(Locale.ROOT, "%d min %02d s", (long) seconds / 60, (long) seconds % 60);
    }

    private void draw() {
        if (terminal && total > 0) {
            out.print("\r\u001b[K" + bar());
            out.flush();
            barShown = true;
        }
    }

    private void clear() {
        if (terminal && barShown) {
            out.print("\r\u001b[K");
            barShown = false;
        }
    }
}
