package io.github.drawnet.grading;

import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.ExperimentSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The cells of one grading: every PNG drawing under a folder (subfolders included, in path order)
 * times every backend times every setting of a sweep's grid, read and checked before anything
 * trains. The drawings' bytes are read here, once, so the cells can train anywhere.
 *
 * <pre>{@code
 * GradePlan plan = GradePlan.of(Path.of("class-of-2026"), List.of(backends.get("djl")),
 *         ExperimentSettings.notebook().with(Setting.EPOCHS, "50"), Grid.NONE.with(Setting.HIDDEN, "4;8,4"));
 * }</pre>
 *
 * @param folder the graded folder
 * @param cells the cells, drawing by drawing, then backend, then setting
 * @param varying the names of the columns that differ between cells (backend and settings)
 */
public record GradePlan(Path folder, List<GradeCell> cells, List<String> varying) {

    /** The most cells one grading may have. */
    public static final int MAX_CELLS = 100_000;

    /** The largest drawing file read, in bytes. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /** Validates and copies. */
    public GradePlan {
        cells = List.copyOf(cells);
        varying = List.copyOf(varying);
    }

    /**
     * Makes the cells for every PNG under {@code folder}, every backend in {@code backends} and every
     * cell of {@code grid} on {@code base} ({@link Sweep#of}). A file that cannot be read becomes a cell that fails with the reason.
     *
     * @throws IllegalArgumentException when the folder does not exist, is not a folder, or holds no
     *     PNG file; when there is no backend or too many cells
     * @throws io.github.drawnet.api.InvalidSettingException naming the first bad setting
     */
    public static GradePlan of(Path folder, List<Backend> backends, ExperimentSettings base,
            Grid grid) {
        List<Path> files = drawings(folder);
        Sweep sweep = Sweep.of(backends, base, grid);
        long count = (long) files.size() * sweep.cells().size();
        if (count > MAX_CELLS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "grading %d drawings x %d settings makes %d cells; at most %d are allowed", files.size(),
                    sweep.cells().size(), count, MAX_CELLS));
        }
        List<GradeCell> cells = new ArrayList<>();
        for (Path file : files) {
            String name = folder.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
            byte[] png = null;
            String error = null;
            try {
                long size = Files.size(file);
                if (size > MAX_FILE_BYTES) {
                    error = String.format(Locale.ROOT, "drawing %s is %d bytes; at most %d are read", file, size,
                            MAX_FILE_BYTES);
                } else {
                    png = Files.readAllBytes(file);
                }
            } catch (IOException e) {
                // the words DrawingReader.read(Path) uses, so the row says what 'drawnet run' says
                error = "cannot read drawing " + file + ": " + e.getMessage();
            }
            for (Sweep.Cell c : sweep.cells()) {
                Map<String, String> labels = new LinkedHashMap<>(c.labels());
                labels.remove("backend");
                cells.add(new GradeCell(cells.size() + 1, name, png, error, null, c.backend().id(),
                        GradeCell.textOf(c.settings()), labels));
            }
        }
        List<String> varying = new ArrayList<>(sweep.varying());
        return new GradePlan(folder, cells, varying);
    }

    /**
     * Makes the cells of {@code sweep} on one drawing, numbered as the sweep numbers them: the PNG
     * file {@code file} or the preset {@code preset} (exactly one of them).
     *
     * @throws IllegalArgumentException when the file cannot be read
     */
    public static GradePlan ofSweep(Sweep sweep, Path file, String preset) {
        if ((file == null) == (preset == null)) {
            throw new IllegalArgumentException("give either a drawing file or a preset");
        }
        byte[] png = null;
        if (file != null) {
            try {
                png = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read drawing " + file + ": " + e.getMessage(), e);
            }
        }
        String name = file != null ? file.getFileName().toString() : preset;
        List<GradeCell> cells = new ArrayList<>();
        for (Sweep.Cell c : sweep.cells()) {
            Map<String, String> labels = new LinkedHashMap<>(c.labels());
            labels.remove("backend");
            cells.add(new GradeCell(c.index(), name, png, null, file != null ? null : preset, c.backend().id(),
                    GradeCell.textOf(c.settings()), labels));
        }
        return new GradePlan(file != null ? file : Path.of(preset), cells, sweep.varying());
    }

    /**
     * Returns the PNG files under {@code folder}, subfolders included, in order of their relative
     * paths.
     *
     * @throws IllegalArgumentException when the folder does not exist, is not a folder or holds none
     */
    public static List<Path> drawings(Path folder) {
        if (!Files.exists(folder)) {
            throw new IllegalArgumentException("folder " + folder + " does not exist; give a folder of PNG drawings");
        }
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(folder + " is not a folder; give a folder of PNG drawings"
                    + " (for one drawing use 'drawnet run --drawing')");
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".png"))
                    .sorted((a, b) -> folder.relativize(a).toString().compareTo(folder.relativize(b).toString()))
                    .collect(Collectors.toList());
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalArgumentException("cannot list folder " + folder + ": " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("folder " + folder
                    + " holds no drawing; give a folder with .png files (subfolders are searched too)");
        }
        return files;
    }

    /**
     * Checks that the folder a grading writes into, {@code out}, is not the graded folder or inside it: its
     * figures (and reports' PNG files) would be graded as drawings on the next run, and a run replacing its
     * files would overwrite files the grading reads. Links are followed, so another name for the same folder
     * is refused too.
     *
     * @throws IllegalArgumentException naming both folders
     */
    public void checkOutside(Path out) {
        if (realPath(out).startsWith(realPath(folder))) {
            throw new IllegalArgumentException("output folder " + out + " is inside the graded folder " + folder
                    + ": its figures would be graded as drawings; choose an output folder outside it");
        }
    }

    /** Returns {@code p}'s real path: its nearest existing folder's, links followed, then the rest as named. */
    private static Path realPath(Path p) {
        Path absolute = p.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing.getParent() != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }

    /**
     * Returns the plan in one line: {@code Grading 12 cells: 6 drawings from class x 1 backend x 2 settings;
     * engine local (up to 2 cells at once)}.
     *
     * @param engine the engine and how it runs, as the line ends
     */
    public String heading(String engine) {
        int total = cells.size();
        int backends = (int) cells.stream().map(GradeCell::backend).distinct().count();
        int settings = total / drawingCount() / backends;
        return String.format(Locale.ROOT, "Grading %d cells: %d drawings from %s x %d backend%s x %d setting%s; engine %s",
                total, drawingCount(), folder, backends, backends == 1 ? "" : "s", settings, settings == 1 ? "" : "s",
                engine);
    }

    /** Returns the number of distinct drawings. */
    public int drawingCount() {
        return (int) cells.stream().map(GradeCell::drawing).distinct().count();
    }
}
