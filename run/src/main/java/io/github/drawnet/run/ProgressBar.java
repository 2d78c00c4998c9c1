package io.github.drawnet.run;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * Shows how far a long job has come. On a terminal, a bar on the last line is redrawn in place
 * (done / total, the latest figures, time left) and other lines print above it; when the output is
 * not a terminal (a file, a pipe, CI), only the plain lines are printed, so logs stay clean.
 *
 * <pre>{@code
 * ProgressBar bar = new ProgressBar(System.out, ProgressBar.onTerminal(), "cells");
 * bar.update(3, 8, "");
 * bar.line("cell 3/8 done");
 * bar.finish();
 * }</pre>
 *
 * <p>Thread-safe: its methods synchronise, so lines from several threads do not tear the bar.
 */
public final class ProgressBar {

    private static final int WIDTH = 28;

    private final PrintStream out;
    private final boolean terminal;
    private final String unit;
    private final long start = System.nanoTime();
    private int done;
    private int total;
    private String status = "";
    private boolean barShown;

    /**
     * Returns a bar that prints to {@code out}.
     *
     * @param terminal whether {@code out} is a terminal: only then is the bar drawn ({@link #onTerminal()})
     * @param unit what is counted, in the plural (for example {@code epochs})
     */
    public ProgressBar(PrintStream out, boolean terminal, String unit) {
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    /**
     * Returns whether the process writes to an interactive terminal (and the terminal is not dumb, and {@code
     * DRAWNET_NO_PROGRESS} is not set).
     */
    public static boolean onTerminal() {
        return System.console() != null && !"dumb".equals(System.getenv("TERM"))
                && System.getenv("DRAWNET_NO_PROGRESS") == null;
    }

    /** Prints a line; on a terminal, above the bar. */
    public synchronized void line(String text) {
        clear();
        out.println(text);
        draw();
    }

    /** Records progress and redraws the bar (terminal only; nothing is drawn while {@code total} is 0). */
    public synchronized void update(int done, int total, String status) {
        this.done = done;
        this.total = total;
        this.status = Objects.requireNonNull(status, "status");
        draw();
    }

    /** Removes the bar; lines printed afterwards print plain until the next {@link #update}. */
    public synchronized void finish() {
        clear();
        total = 0;
    }

    /** Returns the bar's text for the current state: {@code [###...] done/total unit · status · time left}. */
    public synchronized String bar() {
        int filled = total == 0 ? 0 : (int) Math.round(WIDTH * (double) done / total);
        double elapsed = (System.nanoTime() - start) / 1e9;
        String left = done == 0 ? "" : String.format(Locale.ROOT, " · %s left",
                duration(elapsed / done * (total - done)));
        return String.format(Locale.ROOT, "[%s%s] %d/%d %s%s%s", "#".repeat(filled), ".".repeat(WIDTH - filled), done,
                total, unit, status.isEmpty() ? "" : " · " + status, left);
    }

    /** Returns a duration for people: {@code 12.3 s} under a minute, else {@code 2 min 05 s}. */
    public static String duration(double seconds) {
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
