package io.github.drawnet.viz;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import io.github.drawnet.api.internal.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/** Writes a {@link Figure} as PNG (raster) and SVG (vector), each atomically. */
public final class FigureWriter {

    private FigureWriter() {}

    /** Returns the figure drawn into an image of its size. */
    public static BufferedImage toImage(Figure f) {
        BufferedImage image = new BufferedImage(f.width(), f.height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            prepare(g, f);
            f.painter().paint(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Returns the figure encoded as PNG. */
    public static byte[] toPng(Figure f) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(toImage(f), "png", out);
        return out.toByteArray();
    }

    /** Returns the figure as an SVG document. */
    public static byte[] toSvg(Figure f) throws IOException {
        VectorGraphics2D g = new VectorGraphics2D();
        prepare(g, f);
        f.painter().paint(g);
        return SvgWriter.write(g.getCommands(), f.width(), f.height());
    }

    /**
     * A figure's encodings.
     *
     * @param figure the figure
     * @param png its PNG, or null when not asked for
     * @param svg its SVG, or null when not asked for
     */
    public record Encoded(Figure figure, byte[] png, byte[] svg) {}

    /** What is done with a figure's encodings on the thread that drew them, such as writing its files. */
    @FunctionalInterface
    public interface Sink {
        /** Takes one figure's encodings. */
        void accept(Encoded encoded) throws IOException;
    }

    /**
     * Returns each figure encoded as PNG and/or SVG, in the order given, drawn in parallel on the
     * available cores (one figure per task: a figure's PNG and SVG are painted one after the other,
     * since a chart is not safe to paint from two threads at once).
     *
     * @throws IOException when an encoding fails
     */
    public static List<Encoded> encodeAll(List<Figure> figures, boolean png, boolean svg) throws IOException {
        return encodeAll(figures, png, svg, e -> { });
    }

    /**
     * Returns each figure encoded as {@link #encodeAll(List, boolean, boolean)} does, handing each
     * figure's encodings to {@code sink} on the thread that drew it (so that writing, and the hash
     * {@link AtomicFiles} computes as it writes, overlap the drawing of the other figures). {@code
     * sink} must be safe to call from several threads.
     *
     * @throws IOException when an encoding or {@code sink} fails; figures handed over before then
     *     may have been written
     */
    public static List<Encoded> encodeAll(List<Figure> figures, boolean png, boolean svg, Sink sink)
            throws IOException {
        int threads = Math.min(figures.size(), Runtime.getRuntime().availableProcessors());
        if (threads <= 1) {
            List<Encoded> out = new ArrayList<>();
            for (Figure f : figures) {
                out.add(encode(f, png, svg, sink));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "drawnet-figures");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<Encoded>> futures = new ArrayList<>();
            for (Figure f : figures) {
                futures.add(pool.submit(() -> encode(f, png, svg, sink)));
            }
            List<Encoded> out = new ArrayList<>();
            for (Future<Encoded> future : futures) {
                out.add(future.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while drawing the figures");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            } else if (cause instanceof RuntimeException re) {
                throw re;
            } else if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } finally {
            pool.shutdownNow();
        }
    }

    private static Encoded encode(Figure f, boolean png, boolean svg, Sink sink) throws IOException {
        Encoded e = new Encoded(f, png ? toPng(f) : null, svg ? toSvg(f) : null);
        sink.accept(e);
        return e;
    }

    /** Writes {@code dir/<name>.png} and {@code dir/<name>.svg}; returns the PNG's path. */
    public static Path write(Figure f, Path dir) throws IOException {
        Path png = dir.resolve(f.name() + ".png");
        AtomicFiles.write(png, toPng(f));
        AtomicFiles.write(dir.resolve(f.name() + ".svg"), toSvg(f));
        return png;
    }

    /**
     * Writes {@code dir/<name>.png} and/or {@code dir/<name>.svg} as {@code formats} asks, each
     * atomically; returns the files written, PNG first.
     */
    public static List<Path> write(Figure f, Path dir, Set<ReportFiles.Format> formats) throws IOException {
        List<Path> written = new ArrayList<>(2);
        for (ReportFiles.Format format : formats) {
            Path file = dir.resolve(f.name() + "." + format.id());
            AtomicFiles.write(file, switch (format) {
                case PNG -> toPng(f);
                case SVG -> toSvg(f);
            });
            written.add(file);
        }
        return written;
    }

    private static void prepare(Graphics2D g, Figure f) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, f.width(), f.height());
    }
}
