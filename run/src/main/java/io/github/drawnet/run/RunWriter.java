package io.github.drawnet.run;

import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.io.Exports;
import io.github.drawnet.io.MetricsFile;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.viz.Figure;
import io.github.drawnet.viz.FigureWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Writes a finished experiment into its run folder as one set: {@code metrics.json}, the exports, the
 * figures and report the {@link ReportFiles} ask for, further figures, and the model when asked. Everything
 * goes into the folder's staging area and is committed whole; a model saved outside the folder is written
 * after the commit. A diverged run's model is not saved (its parameters are not finite); everything else is.
 */
public final class RunWriter {

    private final Visualizer visualizer;

    /** Returns a writer that draws the figures and report with {@code visualizer}. */
    public RunWriter(Visualizer visualizer) {
        this.visualizer = Objects.requireNonNull(visualizer, "visualizer");
    }

    /**
     * Returns the names of the files {@link #write} writes into the run's folder, besides the model.
     *
     * @param extraFigures the names of further figures (without extension)
     * @param files which figures and report
     * @param classes the drawing's number of classes (a figure per class pair for more than two)
     */
    public List<String> plannedNames(List<String> extraFigures, ReportFiles files, int classes) {
        List<String> names = new ArrayList<>(RunFolders.dataFileNames());
        names.addAll(visualizer.reportFileNames(files, classes));
        names.addAll(files.figureFileNames(extraFigures.toArray(String[]::new)));
        return names;
    }

    /**
     * Checks, before any work, where the model will be saved: never over a file the run reads or another
     * of the run's files ({@link RunFolder#checkFurtherFile}), and, outside the folder, in a folder that can
     * be written.
     *
     * @param save where the model is to be saved, or null for nowhere
     * @throws RunFolderException naming the file and why it may not be written
     */
    public static void checkSave(Path save, RunFolder folder) throws RunFolderException {
        if (save == null) {
            return;
        }
        boolean inside;
        try {
            inside = folder.checkFurtherFile(save);
        } catch (RunFolderException e) {
            throw new RunFolderException(e.getMessage().replaceFirst("^cannot write ", "cannot save the model to "));
        }
        if (!inside) {
            checkWritableFile(save);
        }
    }

    /**
     * Checks, before the run's folder {@code dir} is opened, a model file to be saved outside it (one inside
     * is checked by {@link #checkSave} once the folder is open), so that a refusal leaves no folder behind.
     *
     * @param save where the model is to be saved, or null for nowhere
     * @throws RunFolderException naming the file and why it may not be written
     */
    public static void checkSaveOutside(Path save, Path dir) throws RunFolderException {
        if (save != null && !dir.toAbsolutePath().normalize().equals(save.toAbsolutePath().normalize().getParent())) {
            checkWritableFile(save);
        }
    }

    /**
     * Starts warming the figure code ({@link Visualizer#warmUp}) on a daemon thread when figures are to be
     * drawn, for the time a network trains; interrupt the thread returned when training ends.
     */
    public Thread warmUp(ReportFiles files) {
        Thread t = new Thread(visualizer::warmUp, "drawnet-figures-warm-up");
        t.setDaemon(true);
        if (files.drawsFigures()) {
            t.start();
        }
        return t;
    }

    /**
     * Writes {@code result} into {@code folder} and commits it.
     *
     * @param save where to save the model, or null; inside the folder it is part of the run's set
     * @param extra further figures to write beside the notebook's (for example a history comparison)
     * @throws RunFolderException when a file cannot be written into the folder, or it may not be committed
     *     (the folder then keeps what it held before); one line naming the folder and why
     * @throws IOException when the model cannot be saved outside the folder, after the folder is committed
     */
    public RunFiles write(ExperimentResult result, RunFolder folder, Path save, List<Figure> extra, ReportFiles files)
            throws IOException {
        Path staging = folder.staging();
        boolean saveInFolder = save != null && folder.dir().equals(save.toAbsolutePath().normalize().getParent());
        boolean finite = result.finalParameters().isFinite();
        List<Path> exports;
        List<Path> extraFigures = new ArrayList<>();
        List<Path> figures;
        Path reportFile;
        try {
            MetricsFile.write(result, staging.resolve(MetricsFile.FILE_NAME));
            exports = Exports.write(result, staging).stream().map(p -> folder.finalPath(name(p))).toList();
            if (saveInFolder && finite) {
                SavedModel.of(result).write(staging.resolve(save.getFileName().toString()));
            }
            for (Figure f : extra) {
                FigureWriter.write(f, staging, files.formats()).stream().limit(1)
                        .forEach(p -> extraFigures.add(folder.finalPath(name(p))));
            }
            Visualizer.Report report = visualizer.report(result, staging, files);
            figures = report.figures().stream().map(p -> folder.finalPath(name(p))).toList();
            reportFile = report.report() == null ? null : folder.finalPath(name(report.report()));
            folder.commit();
        } catch (RunFolderException e) {
            throw e;
        } catch (IOException e) {
            throw new RunFolderException("cannot write the run's files into " + folder.given() + ": " + describe(e)
                    + "; the folder keeps what it held before");
        }
        String notSaved = save != null && !finite ? "the parameters are not finite after training diverged" : null;
        if (save != null && finite && !saveInFolder) {
            SavedModel.of(result).write(save); // flushed before it is moved into place
        }
        return new RunFiles(folder.given(), folder.finalPath(MetricsFile.FILE_NAME), exports,
                notSaved == null ? save : null, notSaved, extraFigures, figures, reportFile);
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    /**
     * Checks that {@code file} can be written: its folder exists or can be made and is writable, and it is
     * not a folder itself.
     */
    private static void checkWritableFile(Path file) throws RunFolderException {
        if (java.nio.file.Files.isDirectory(file)) {
            throw new RunFolderException("cannot save to " + file + ": it is a folder; give a file name");
        }
        Path parent = file.toAbsolutePath().getParent();
        try {
            java.nio.file.Files.createDirectories(parent);
        } catch (IOException e) {
            throw new RunFolderException("cannot create folder " + parent + " for " + file.getFileName() + ": "
                    + describe(e));
        }
        if (!java.nio.file.Files.isWritable(parent)
                || (java.nio.file.Files.exists(file) && !java.nio.file.Files.isWritable(file))) {
            throw new RunFolderException("cannot write " + file + ": permission denied");
        }
    }

    /** Returns an I/O failure in words: {@code permission denied}, or its kind and message. */
    public static String describe(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file of that name is in the way";
        }
        String kind = e.getClass().getSimpleName();
        return e.getMessage() == null ? kind : kind + " " + e.getMessage();
    }
}
