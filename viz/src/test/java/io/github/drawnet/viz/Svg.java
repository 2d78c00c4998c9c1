package io.github.drawnet.viz;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A figure's SVG read back as the shapes it draws, each in figure pixels (every enclosing {@code
 * transform} applied): lines, rectangles, ellipses and text with their style. Lets a test check
 * where a figure puts its marks without comparing images.
 */
final class Svg {

    /** A style attribute, parsed. */
    record Style(Map<String, String> values) {
        static Style parse(String css) {
            Map<String, String> m = new LinkedHashMap<>();
            if (css != null) {
                for (String part : css.split(";")) {
                    int colon = part.indexOf(':');
                    if (colon > 0) {
                        m.put(part.substring(0, colon).trim(), part.substring(colon + 1).trim());
                    }
                }
            }
            return new Style(m);
        }

        Color fill() {
            return colour(values.get("fill"));
        }

        Color stroke() {
            return colour(values.get("stroke"));
        }

        /** Returns the stroke width, 1 when not given (SVG's default). */
        double strokeWidth() {
            return Double.parseDouble(values.getOrDefault("stroke-width", "1"));
        }

        boolean dashed() {
            return values.containsKey("stroke-dasharray") && !values.get("stroke-dasharray").matches("[0-9.]+,0");
        }

        double fontSize() {
            return Double.parseDouble(values.get("font-size").replace("px", ""));
        }

        boolean bold() {
            return "bold".equals(values.get("font-weight"));
        }

        private static Color colour(String v) {
            if (v == null || v.equals("none")) {
                return null;
            }
            Matcher m = Pattern.compile("rgba?\\((\\d+),(\\d+),(\\d+)").matcher(v);
            if (!m.find()) {
                throw new IllegalArgumentException("not a colour: " + v);
            }
            return new Color(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        }
    }

    record Line(double x1, double y1, double x2, double y2, Style style) {
        double length() {
            return Point2D.distance(x1, y1, x2, y2);
        }
    }

    /** Text at its anchor (left end of the baseline); {@code rotated} when drawn turned by a quarter. */
    record Text(String text, double x, double y, boolean rotated, Style style) {}

    record Rect(double x, double y, double width, double height, Style style) {
        double maxX() {
            return x + width;
        }

        double maxY() {
            return y + height;
        }
    }

    record Ellipse(double cx, double cy, double rx, double ry, Style style) {}

    final List<Line> lines = new ArrayList<>();
    final List<Text> texts = new ArrayList<>();
    final List<Rect> rects = new ArrayList<>();
    final List<Ellipse> ellipses = new ArrayList<>();

    private Svg() {}

    static Svg of(Figure f) {
        try {
            return parse(FigureWriter.toSvg(f));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Svg parse(byte[] svg) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setNamespaceAware(true);
            Element root = factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();
            Svg out = new Svg();
            out.walk(root, new AffineTransform());
            return out;
        } catch (Exception e) {
            throw new IllegalStateException("not an SVG document", e);
        }
    }

    private void walk(Element e, AffineTransform outer) {
        AffineTransform t = new AffineTransform(outer);
        if (e.hasAttribute("transform")) {
            t.concatenate(transform(e.getAttribute("transform")));
        }
        Style style = Style.parse(e.getAttribute("style"));
        switch (e.getLocalName()) {
            case "line" -> {
                Point2D a = t.transform(new Point2D.Double(num(e, "x1"), num(e, "y1")), null);
                Point2D b = t.transform(new Point2D.Double(num(e, "x2"), num(e, "y2")), null);
                lines.add(new Line(a.getX(), a.getY(), b.getX(), b.getY(), style));
            }
            case "text" -> {
                Point2D a = t.transform(new Point2D.Double(num(e, "x"), num(e, "y")), null);
                texts.add(new Text(e.getTextContent(), a.getX(), a.getY(), t.getShearX() != 0, style));
            }
            case "rect" -> {
                if (!(e.getParentNode() instanceof Element p && p.getLocalName().equals("clipPath"))) {
                    Point2D a = t.transform(new Point2D.Double(num(e, "x"), num(e, "y")), null);
                    rects.add(new Rect(a.getX(), a.getY(), num(e, "width"), num(e, "height"), style));
                }
            }
            case "ellipse" -> {
                Point2D c = t.transform(new Point2D.Double(num(e, "cx"), num(e, "cy")), null);
                ellipses.add(new Ellipse(c.getX(), c.getY(), num(e, "rx"), num(e, "ry"), style));
            }
            default -> {
                // containers and shapes these tests do not read
            }
        }
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element child) {
                walk(child, t);
            }
        }
    }

    private static double num(Element e, String attribute) {
        return Double.parseDouble(e.getAttribute(attribute));
    }

    private static AffineTransform transform(String s) {
        AffineTransform t = new AffineTransform();
        Matcher m = Pattern.compile("(translate|matrix)\\(([^)]*)\\)").matcher(s);
        while (m.find()) {
            String[] parts = m.group(2).trim().split("[ ,]+");
            double[] v = new double[parts.length];
            for (int i = 0; i < parts.length; i++) {
                v[i] = Double.parseDouble(parts[i]);
            }
            if (m.group(1).equals("translate")) {
                t.translate(v[0], v.length > 1 ? v[1] : 0);
            } else {
                t.concatenate(new AffineTransform(v));
            }
        }
        return t;
    }

    /** Returns every text equal to {@code s}. */
    List<Text> texts(String s) {
        return texts.stream().filter(t -> t.text().equals(s)).toList();
    }

    /** Returns the one text equal to {@code s}. */
    Text text(String s) {
        List<Text> found = texts(s);
        if (found.size() != 1) {
            throw new AssertionError("expected one text '" + s + "', found " + found.size() + " among "
                    + texts.stream().map(Text::text).toList());
        }
        return found.get(0);
    }

    /** Returns the lines drawn in colour {@code c}. */
    List<Line> lines(Color c) {
        return lines.stream().filter(l -> c.equals(l.style().stroke())).toList();
    }

    /** Returns the width of {@code text} in {@code font}, as the figures measure it. */
    static double width(String text, Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            FontMetrics fm = g.getFontMetrics(font);
            return fm.stringWidth(text);
        } finally {
            g.dispose();
        }
    }

    /** Returns the ascent of {@code font}, as the figures measure it. */
    static double ascent(Font font) {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = scratch.createGraphics();
        try {
            return g.getFontMetrics(font).getAscent();
        } finally {
            g.dispose();
        }
    }

    /** Returns the horizontal centre of a text written in {@code font}. */
    static double centreX(Text t, Font font) {
        return t.x() + width(t.text(), font) / 2;
    }
}
