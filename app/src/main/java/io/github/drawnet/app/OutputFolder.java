package io.github.drawnet.app;

import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.RunFolders;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;

/** The folder a command writes into, its refusals as the command line words them ({@link RunFolders} checks). */
final class OutputFolder {

    private OutputFolder() {}

    /**
     * Opens the folder a run writes into, whole ({@link RunFolders#open}): {@code requested} ({@link
     * #checkRequested}), or a new {@code drawnet-out/<time>-<drawing>-<backend>}.
     *
     * @throws UserException naming the folder and the reason, exit code {@link ExitCodes#IO}
     */
    static RunFolder open(Path requested, boolean force, Clock clock, String drawing, String backend, String command,
            Collection<Path> inputs, Collection<String> planned) {
        Path dir = requested != null ? checkRequested(requested, force)
                : RunFolders.fresh(RunFolders.BASE, clock, drawing, backend);
        try {
            return RunFolders.open(dir, force, clock, command, inputs, planned);
        } catch (RunFolderException e) {
            throw new UserException(Names.escape(e.getMessage()), ExitCodes.IO, e);
        }
    }

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
