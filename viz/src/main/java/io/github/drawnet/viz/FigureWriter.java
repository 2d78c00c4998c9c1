package io.github.drawnet.viz;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import io.github.drawnet.api.internal.AtomicFiles;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, f.width(), f.height())).writeTo(out);
        return out.toByteArray();
    }

    /** Writes {@code dir/<name>.png} and {@code dir/<name>.svg}; returns the PNG's path. */
    public static Path write(Figure f, Path dir) throws IOException {
        Path png = dir.resolve(f.name() + ".png");
        AtomicFiles.write(png, toPng(f));
        AtomicFiles.write(dir.resolve(f.name() + ".svg"), toSvg(f));
        return png;
    }

    private static void prepare(Graphics2D g, Figure f) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, f.width(), f.height());
    }
}
