package io.github.drawnet.io;

import java.io.IOException;

/**
 * Thrown when a run may not write into a folder: another run is writing there, the folder holds
 * another run's results, or a file the run would write is one it reads or one no run wrote. The
 * message is one line that names the folder or the file.
 */
public class RunFolderException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Creates the exception with its one-line message. */
    public RunFolderException(String message) {
        super(message);
    }
}
