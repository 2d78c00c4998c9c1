package io.github.drawnet.app;

/** The exit codes of the command line. */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** An unexpected internal error (a bug): the log has the stack trace. */
    public static final int INTERNAL = 1;
    /** The user gave something wrong: an option, a drawing, a file. */
    public static final int USAGE = 2;
    /** A backend's engine could not be loaded, or a grading engine's cluster (a Spark master) gave no executor in time. */
    public static final int BACKEND_UNAVAILABLE = 3;
    /** Training diverged (a loss became NaN or infinite); what ran is still reported. */
    public static final int DIVERGED = 4;
    /** A file could not be written. */
    public static final int IO = 5;
    /** Ctrl-C (SIGINT) stopped training: the epochs done are written as a stopped run. */
    public static final int INTERRUPTED = 130;

    private ExitCodes() {}
}
