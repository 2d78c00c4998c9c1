package io.github.drawnet.viz;

import de.erichseifert.vectorgraphics2d.GraphicsState;
import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawImageCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.filters.FillPaintedShapeAsImageFilter;
import de.erichseifert.vectorgraphics2d.util.GraphicsUtils;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Image;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Writes the drawing commands VectorGraphics2D recorded as an SVG document, straight into a
 * character buffer: the elements VectorGraphics2D's own {@code SVGProcessor} makes (the same
 * {@code rect}, {@code line}, {@code ellipse}, {@code path}, {@code text} and {@code image}
 * elements, styles and transforms), without building a DOM and serialising it through the XML
 * transformer, which cost most of a run's output time.
 *
 * <p>Elements sit in flat groups ({@code <g transform clip-path>}), one per change of transform
 * or clip, as {@code SVGProcessor} makes them; the state a disposed copy of the graphics leaves
 * behind is restored before the next element (a group is opened whenever the element's transform
 * or clip differs from the open group's).
 *
 * <p>Thread-safe (stateless; each call has its own writer).
 */
final class SvgWriter {

    /** The physical family of each logical font, which looking up costs more than the whole element. */
    private static final Map<String, String> FAMILIES = new ConcurrentHashMap<>();

    private final StringBuilder out;
    private final Deque<GraphicsState> states = new ArrayDeque<>();
    private final Map<Integer, String> clipIds = new HashMap<>();
    private boolean groupOpen;
    private AffineTransform groupTransform = GraphicsState.DEFAULT_TRANSFORM;
    private Shape groupClip = GraphicsState.DEFAULT_CLIP;

    private SvgWriter(int capacity) {
        out = new StringBuilder(capacity);
        states.push(new GraphicsState());
    }

    /** Returns the SVG document of {@code commands} on a page of {@code width x height} pixels, UTF-8. */
    static byte[] write(CommandSequence commands, int width, int height) {
        SvgWriter w = new SvgWriter(1 << 16);
        w.header(width, height);
        for (Command<?> c : new FillPaintedShapeAsImageFilter(commands)) {
            w.handle(c);
        }
        w.closeGroup();
        w.out.append("</svg>\n");
        return w.out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private void header(int width, int height) {
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
                .append("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n")
                .append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" version=\"1.1\"")
                .append(" x=\"0px\" y=\"0px\" width=\"").append(width).append("px\" height=\"").append(height)
                .append("px\" viewBox=\"0 0 ").append(width).append(' ').append(height).append("\">\n");
    }

    private GraphicsState state() {
        return states.peek();
    }

    private void handle(Command<?> command) {
        GraphicsState s = state();
        if (command instanceof SetColorCommand c) {
            s.setColor(c.getValue());
        } else if (command instanceof SetStrokeCommand c) {
            s.setStroke(c.getValue());
        } else if (command instanceof SetFontCommand c) {
            s.setFont(c.getValue());
        } else if (command instanceof SetClipCommand c) {
            s.setClip(c.getValue());
        } else if (command instanceof SetTransformCommand c) {
            s.setTransform(c.getValue());
        } else if (command instanceof AffineTransformCommand c) {
            AffineTransform t = new AffineTransform(s.getTransform());
            t.concatenate(c.getValue());
            s.setTransform(t);
        } else if (command instanceof CreateCommand) {
            try {
                states.push((GraphicsState) s.clone());
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
        } else if (command instanceof DisposeCommand) {
            if (states.size() > 1) {
                states.pop();
            }
        } else if (command instanceof DrawShapeCommand c) {
            element(c.getValue(), false);
        } else if (command instanceof FillShapeCommand c) {
            element(c.getValue(), true);
        } else if (command instanceof DrawStringCommand c) {
            text(c.getValue(), c.getX(), c.getY());
        } else if (command instanceof DrawImageCommand c) {
            image(c.getValue(), c.getX(), c.getY(), c.getWidth(), c.getHeight());
        }
        // background, composite, paint, hints and XOR mode change nothing SVGProcessor writes either
    }

    /** Opens a group for the current transform and clip, unless the open one has them. */
    private void group() {
        GraphicsState s = state();
        AffineTransform t = s.getTransform();
        Shape clip = s.getClip();
        if (groupOpen && t.equals(groupTransform) && Objects.equals(clip, groupClip)) {
            return;
        }
        if (!groupOpen && t.equals(GraphicsState.DEFAULT_TRANSFORM) && clip == GraphicsState.DEFAULT_CLIP
                && groupTransform.equals(GraphicsState.DEFAULT_TRANSFORM) && groupClip == GraphicsState.DEFAULT_CLIP) {
            return; // still at the root's own state
        }
        closeGroup();
        groupTransform = new AffineTransform(t);
        groupClip = clip;
        boolean clipped = clip != GraphicsState.DEFAULT_CLIP && clip != null;
        boolean transformed = !t.equals(GraphicsState.DEFAULT_TRANSFORM);
        if (!clipped && !transformed) {
            return; // back at the root's state: elements go to the root, as SVGProcessor's first ones
        }
        String clipId = clipped ? clipId(clip) : null;
        out.append("  <g");
        if (clipId != null) {
            out.append(" clip-path=\"url(#").append(clipId).append(")\"");
        }
        if (transformed) {
            out.append(" transform=\"");
            transform(t);
            out.append('"');
        }
        out.append(">\n");
        groupOpen = true;
    }

    private void closeGroup() {
        if (groupOpen) {
            out.append("  </g>\n");
            groupOpen = false;
        }
    }

    /** Returns the id of {@code clip}'s clip path, writing its definition the first time (before its group). */
    private String clipId(Shape clip) {
        String id = clipIds.get(clip.hashCode());
        if (id == null) {
            id = "clip" + clip.hashCode();
            clipIds.put(clip.hashCode(), id);
            closeGroup();
            out.append("  <defs><clipPath id=\"").append(id).append("\">");
            shape(clip);
            out.append("/></clipPath></defs>\n");
        }
        return id;
    }

    private void transform(AffineTransform t) {
        if (AffineTransform.getTranslateInstance(t.getTranslateX(), t.getTranslateY()).equals(t)) {
            out.append("translate(");
            num(t.getTranslateX());
            out.append(' ');
            num(t.getTranslateY());
            out.append(')');
        } else {
            double[] m = new double[6];
            t.getMatrix(m);
            out.append("matrix(");
            for (int i = 0; i < 6; i++) {
                if (i > 0) {
                    out.append(' ');
                }
                num(m[i]);
            }
            out.append(')');
        }
    }

    private void element(Shape shape, boolean filled) {
        group();
        out.append(groupOpen ? "    " : "  ");
        shape(shape);
        out.append(" style=\"");
        style(filled);
        out.append("\"/>\n");
    }

    /** Writes the opening of the element for {@code shape}, its geometry as attributes, without closing it. */
    private void shape(Shape shape) {
        if (shape instanceof Line2D s) {
            out.append("<line x1=\"");
            num(s.getX1());
            out.append("\" y1=\"");
            num(s.getY1());
            out.append("\" x2=\"");
            num(s.getX2());
            out.append("\" y2=\"");
            num(s.getY2());
            out.append('"');
        } else if (shape instanceof Rectangle2D s) {
            rect(s.getX(), s.getY(), s.getWidth(), s.getHeight());
        } else if (shape instanceof RoundRectangle2D s) {
            rect(s.getX(), s.getY(), s.getWidth(), s.getHeight());
            out.append(" rx=\"");
            num(s.getArcWidth() / 2.0);
            out.append("\" ry=\"");
            num(s.getArcHeight() / 2.0);
            out.append('"');
        } else if (shape instanceof Ellipse2D s) {
            out.append("<ellipse cx=\"");
            num(s.getCenterX());
            out.append("\" cy=\"");
            num(s.getCenterY());
            out.append("\" rx=\"");
            num(s.getWidth() / 2.0);
            out.append("\" ry=\"");
            num(s.getHeight() / 2.0);
            out.append('"');
        } else {
            out.append("<path d=\"");
            path(shape);
            out.append('"');
        }
    }

    private void rect(double x, double y, double w, double h) {
        out.append("<rect x=\"");
        num(x);
        out.append("\" y=\"");
        num(y);
        out.append("\" width=\"");
        num(w);
        out.append("\" height=\"");
        num(h);
        out.append('"');
    }

    private void path(Shape shape) {
        PathIterator it = shape.getPathIterator(null);
        double[] c = new double[6];
        for (int i = 0; !it.isDone(); i++, it.next()) {
            if (i > 0) {
                out.append(' ');
            }
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> points('M', c, 1);
                case PathIterator.SEG_LINETO -> points('L', c, 1);
                case PathIterator.SEG_QUADTO -> points('Q', c, 2);
                case PathIterator.SEG_CUBICTO -> points('C', c, 3);
                case PathIterator.SEG_CLOSE -> out.append('Z');
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
    }

    private void points(char op, double[] c, int count) {
        out.append(op);
        for (int p = 0; p < count; p++) {
            if (p > 0) {
                out.append(' ');
            }
            num(c[2 * p]);
            out.append(',');
            num(c[2 * p + 1]);
        }
    }

    private void style(boolean filled) {
        Color colour = state().getColor();
        boolean translucent = colour.getAlpha() < 255;
        if (filled) {
            out.append("fill:");
            rgb(colour);
            out.append(';');
            if (translucent) {
                out.append("fill-opacity:");
                num(colour.getAlpha() / 255.0);
                out.append(';');
            }
            out.append("stroke:none;");
            return;
        }
        out.append("fill:none;stroke:");
        rgb(colour);
        out.append(';');
        if (translucent) {
            out.append("stroke-opacity:");
            num(colour.getAlpha() / 255.0);
            out.append(';');
        }
        Stroke stroke = state().getStroke();
        if (stroke instanceof BasicStroke bs) {
            if (bs.getLineWidth() != 1f) {
                out.append("stroke-width:");
                num(bs.getLineWidth());
                out.append(';');
            }
            if (bs.getMiterLimit() != 4f) {
                out.append("stroke-miterlimit:");
                num(bs.getMiterLimit());
                out.append(';');
            }
            if (bs.getEndCap() != BasicStroke.CAP_BUTT) {
                out.append("stroke-linecap:").append(bs.getEndCap() == BasicStroke.CAP_ROUND ? "round" : "square")
                        .append(';');
            }
            if (bs.getLineJoin() != BasicStroke.JOIN_MITER) {
                out.append("stroke-linejoin:").append(bs.getLineJoin() == BasicStroke.JOIN_ROUND ? "round" : "bevel")
                        .append(';');
            }
            float[] dashes = bs.getDashArray();
            if (dashes != null) {
                out.append("stroke-dasharray:");
                for (int i = 0; i < dashes.length; i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    num(dashes[i]);
                }
                out.append(';');
                if (bs.getDashPhase() != 0f) {
                    out.append("stroke-dashoffset:");
                    num(bs.getDashPhase());
                    out.append(';');
                }
            }
        }
    }

    private void rgb(Color c) {
        out.append("rgb(").append(c.getRed()).append(',').append(c.getGreen()).append(',').append(c.getBlue())
                .append(')');
    }

    private void text(String text, double x, double y) {
        group();
        out.append(groupOpen ? "    " : "  ").append("<text x=\"");
        num(x);
        out.append("\" y=\"");
        num(y);
        out.append("\" style=\"");
        style(true);
        Font font = state().getFont();
        if (!GraphicsState.DEFAULT_FONT.equals(font)) {
            font(font);
        }
        out.append("\">");
        escape(text, false);
        out.append("</text>\n");
    }

    private void font(Font font) {
        if (!GraphicsState.DEFAULT_FONT.getFamily().equals(font.getFamily())) {
            String family = FAMILIES.computeIfAbsent(font.getFamily() + '\u0000' + font.getStyle(),
                    k -> GraphicsUtils.getPhysicalFont(font).getFamily());
            out.append("font-family:");
            escape('"' + family + '"', true);
            out.append(';');
        }
        if (font.getSize2D() != GraphicsState.DEFAULT_FONT.getSize2D()) {
            out.append("font-size:");
            num(font.getSize2D());
            out.append("px;");
        }
        if ((font.getStyle() & Font.ITALIC) != 0) {
            out.append("font-style:italic;");
        }
        if ((font.getStyle() & Font.BOLD) != 0) {
            out.append("font-weight:bold;");
        }
    }

    private void image(Image image, double x, double y, double w, double h) {
        group();
        out.append(groupOpen ? "    " : "  ").append("<image x=\"");
        num(x);
        out.append("\" y=\"");
        num(y);
        out.append("\" width=\"");
        num(w);
        out.append("\" height=\"");
        num(h);
        out.append("\" preserveAspectRatio=\"none\" xlink:href=\"data:image/png;base64,");
        BufferedImage buffered = GraphicsUtils.toBufferedImage(image);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(buffered, "png", png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.append(Base64.getEncoder().encodeToString(png.toByteArray())).append("\"/>\n");
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> {
                    if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
                        out.append("&#xFFFD;"); // not allowed in XML 1.0, even escaped
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
    }

    /** Writes {@code v} as VectorGraphics2D did: plain notation, at most 15 decimals, no trailing zeros. */
    private void num(double v) {
        out.append(format(v));
    }

    /** Writes {@code v} as VectorGraphics2D writes a float: plain notation, at most 6 decimals. */
    private void num(float v) {
        out.append(format(v));
    }

    /** Returns {@code v} in plain notation with at most 15 decimals and no trailing zeros ({@code -0} as {@code 0}). */
    static String format(double v) {
        if (!Double.isFinite(v)) {
            return "0"; // SVG has no spelling for these; a shape there is drawn nowhere
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int dot = s.indexOf('.');
        if (s.indexOf('E') < 0 && s.length() - dot - 1 <= 15) {
            return s;
        }
        return new BigDecimal(s).setScale(15, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }

    /** Returns {@code v} in plain notation with at most 6 decimals and no trailing zeros. */
    static String format(float v) {
        if (!Float.isFinite(v)) {
            return "0";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = new BigDecimal(Double.toString(v)).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros()
                .toPlainString();
        return s.equals("-0") ? "0" : s;
    }
}
