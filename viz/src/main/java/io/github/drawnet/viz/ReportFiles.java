package io.github.drawnet.viz;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Which of a report's files a {@link Visualizer} writes: each figure in the chosen formats (PNG,
 * SVG, both or none) and {@code report.html} or not. The command line spells it {@code --formats
 * png,svg} (the default), {@code --formats png}, {@code --formats svg}, {@code --formats none} and
 * {@code --no-report}, the same for every command; {@link #parseFormats} is the one parser.
 *
 * @param formats the formats each figure is written in; empty for none
 * @param html whether {@code report.html} is written (it embeds the figures whatever the formats)
 */
public record ReportFiles(Set<Format> formats, boolean html) {

    /** A figure's file format. */
    public enum Format {
        /** A raster image, {@code .png}. */
        PNG,
        /** A vector image, {@code .svg}. */
        SVG;

        /** Returns the format's name and file extension, for example {@code png}. */
        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The spelling of no figure files at all. */
    public static final String NONE = "none";

    /** Validates and copies. */
    public ReportFiles {
        formats = formats.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Format.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(formats));
    }

    /** Returns every file: each figure as PNG and SVG, and the report. */
    public static ReportFiles all() {
        return new ReportFiles(EnumSet.allOf(Format.class), true);
    }

    /**
     * Returns the formats {@code text} names: a comma-separated list of {@code png} and {@code svg}
     * (case-insensitive, each at most once), or {@code none}.
     *
     * @throws IllegalArgumentException naming the value, when it is none of these
     */
    public static Set<Format> parseFormats(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals(NONE)) {
            return EnumSet.noneOf(Format.class);
        }
        EnumSet<Format> formats = EnumSet.noneOf(Format.class);
        for (String part : t.split(",", -1)) {
            Format f = switch (part.trim()) {
                case "png" -> Format.PNG;
                case "svg" -> Format.SVG;
                default -> null;
            };
            if (f == null || !formats.add(f)) {
                throw new IllegalArgumentException("formats must be png, svg, png,svg or none, got '" + text + "'");
            }
        }
        return formats;
    }

    /** Returns whether figures are written in {@code f}. */
    public boolean writes(Format f) {
        return formats.contains(f);
    }

    /** Returns whether any figure or the report is drawn at all. */
    public boolean drawsFigures() {
        return html || !formats.isEmpty();
    }

    /** Returns the file names of the figures {@code names} in the chosen formats, each figure's PNG first. */
    public List<String> figureFileNames(String... names) {
        List<String> files = new ArrayList<>();
        for (String name : names) {
            for (Format f : formats) {
                files.add(name + "." + f.id());
            }
        }
        return List.copyOf(files);
    }

    /** Returns the formats as the command line spells them, for example {@code png,svg} or {@code none}. */
    public String formatsText() {
        if (formats.isEmpty()) {
            return NONE;
        }
        return String.join(",", formats.stream().map(Format::id).toList());
    }
}
