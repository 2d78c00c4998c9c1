package io.github.drawnet.run;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.Preset;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where a run's drawing comes from: a PNG file, a PNG's bytes (an upload, a resource), or a built-in
 * preset. Reading it ({@link #read}) finds the drawing's classes and says what it found.
 *
 * <pre>{@code
 * DrawingSource.file(Path.of("ring.png"));
 * DrawingSource.preset("xor");
 * DrawingSource.bytes("upload.png", pngBytes);
 * }</pre>
 */
public final class DrawingSource {

    private final Path file;
    private final Preset preset;
    private final String name;
    private final byte[] bytes;
    private final long maxPixels;
    private final BufferedImage image;

    private DrawingSource(Path file, Preset preset, String name, byte[] bytes, long maxPixels) {
        this(file, preset, name, bytes, maxPixels, null);
    }

    private DrawingSource(Path file, Preset preset, String name, byte[] bytes, long maxPixels, BufferedImage image) {
        this.file = file;
        this.preset = preset;
        this.name = name;
        this.bytes = bytes;
        this.maxPixels = maxPixels;
        this.image = image;
    }

    /** Returns the drawing in the PNG file {@code png}, named by its file name. */
    public static DrawingSource file(Path png) {
        Objects.requireNonNull(png, "png");
        return new DrawingSource(png, null, png.getFileName() == null ? png.toString() : png.getFileName().toString(),
                null, Drawing.MAX_PIXELS);
    }

    /**
     * Returns the built-in drawing of id {@code id} ({@link Preset#fromId}).
     *
     * @throws IllegalArgumentException naming the id and the presets there are
     */
    public static DrawingSource preset(String id) {
        return preset(Preset.fromId(id));
    }

    /** Returns the built-in drawing {@code preset}. */
    public static DrawingSource preset(Preset preset) {
        Objects.requireNonNull(preset, "preset");
        return new DrawingSource(null, preset, preset.id(), null, Drawing.MAX_PIXELS);
    }

    /** Returns the default built-in drawing, the notebook's blob ({@link Preset#DEFAULT}). */
    public static DrawingSource defaultPreset() {
        return preset(Preset.DEFAULT);
    }

    /** Returns the drawing a PNG's bytes hold, named {@code name}; the bytes are copied. */
    public static DrawingSource bytes(String name, byte[] png) {
        return bytes(name, png, Drawing.MAX_PIXELS);
    }

    /**
     * Returns the drawing a PNG's bytes hold, named {@code name}, refusing images of more than {@code maxPixels}
     * pixels before decoding them (a server that takes drawings from the network bounds what one costs); the
     * bytes are copied.
     *
     * @throws IllegalArgumentException when {@code maxPixels} is not in [1, {@link Drawing#MAX_PIXELS}]
     */
    public static DrawingSource bytes(String name, byte[] png, long maxPixels) {
        Objects.requireNonNull(name, "name");
        if (maxPixels < 1 || maxPixels > Drawing.MAX_PIXELS) {
            throw new IllegalArgumentException("maxPixels must be in [1, " + Drawing.MAX_PIXELS + "], got " + maxPixels);
        }
        return new DrawingSource(null, null, name, png.clone(), maxPixels);
    }

    /**
     * Returns the drawing an image already decoded holds (a canvas drawn in Java, an image a server decoded
     * under its own bounds), named {@code name}. The image is read when the run starts; do not change it
     * meanwhile.
     */
    public static DrawingSource image(BufferedImage image, String name) {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(name, "name");
        return new DrawingSource(null, null, name, null, Drawing.MAX_PIXELS, image);
    }

    /**
     * Reads the drawing, its classes found as {@code classes} says.
     *
     * @throws io.github.drawnet.sampling.InvalidDrawingException naming the drawing and what is wrong with it
     */
    public DrawingReader.Reading read(ClassReading classes) {
        Objects.requireNonNull(classes, "classes");
        if (file != null) {
            return DrawingReader.readExplained(file, classes);
        }
        if (preset != null) {
            return DrawingReader.fromImageExplained(preset.image(), preset.id(), classes);
        }
        if (image != null) {
            return DrawingReader.fromImageExplained(image, name, classes);
        }
        return DrawingReader.readExplained(new ByteArrayInputStream(bytes), name, maxPixels, classes);
    }

    /** Returns the drawing's name: the file's name, the preset's id, or the name the bytes were given. */
    public String name() {
        return name;
    }

    /** Returns the files reading this source reads, which a run must never replace: the PNG file, or none. */
    public List<Path> inputs() {
        return file == null ? List.of() : List.of(file);
    }

    /** Returns where the drawing comes from, for people: {@code file ring.png}, or {@code built-in preset}. */
    public String description() {
        if (file != null) {
            return "file " + file;
        }
        return preset != null ? "built-in preset" : image != null ? "image " + name : "bytes of " + name;
    }

    @Override
    public String toString() {
        return description();
    }
}
