package io.github.drawnet.app;

import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.RunFolders;
import java.nio.file.Path;

/** The folder a command names, its refusals as the command line words them ({@link RunFolders} checks). */
final class OutputFolder {

    private OutputFolder() {}

    /** Checks an {@code --out} folder before any work ({@link RunFolders#checkGiven}); returns it. */
    static Path checkRequested(Path requested, boolean force) {
        try {
            return RunFolders.checkGiven(requested, force, "--out", "--force");
        } catch (RunFolderException e) {
            throw new UserException(e.getMessage(), ExitCodes.IO, e);
        }
    }

    /** Returns {@code dir} created and writable, a folder that is not a run's ({@link RunFolders#prepare}). */
    static Path prepare(Path dir, String option) {
        try {
            return RunFolders.prepare(dir, option);
        } catch (RunFolderException e) {
            throw new UserException(e.getMessage(), ExitCodes.IO, e);
        }
    }
}
