package io.github.drawnet.viz;

import io.github.drawnet.api.Feature;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The network drawn as the notebook draws it: a column of nodes per layer (inputs, hidden layers,
 * output), every node linked to every node of the next column, and a bias node under each column
 * but the output's, linked to the next column's nodes. Going further, as TensorFlow Playground
 * does, each edge shows its learned weight: colour and dashes for the sign, thickness for the size
 * (relative to the largest weight of its layer).
 */
final class NetworkDiagram {

    /** A node of the diagram. */
    record Node(String name, int column, boolean bias, double x, double y) {}

    /** An edge of the diagram, with its weight. */
    record Edge(Node from, Node to, double weight, double layerMaxAbs, double labelAt) {}

    /**
     * The most units of one layer drawn; a wider layer shows its first {@value #SHOWN_OF_WIDE} units
     * and a note of how many more it has, so that the diagram of the largest network (8 layers of 256
     * units, half a million weights) stays readable and small.
     */
    static final int MAX_UNITS = 16;
    /** The units drawn of a layer wider than {@link #MAX_UNITS}. */
    static final int SHOWN_OF_WIDE = 12;

    /** A note under a column whose units are not all drawn. */
    record More(double x, double y, int hidden) {}

    private final List<Node> nodes = new ArrayList<>();
    private final List<Edge> edges = new ArrayList<>();
    private final List<More> more = new ArrayList<>();
    private final double radius;
    private final ClassView classes;

    static int shown(int units) {
        return units > MAX_UNITS ? SHOWN_OF_WIDE : units;
    }

    /** Returns the rows a layer of {@code units} takes in its column: the units drawn and, for a wide layer, its note. */
    static int rows(int units) {
        return shown(units) + (units > MAX_UNITS ? 1 : 0);
    }

    NetworkDiagram(NetworkSpec spec, Parameters p, int width, int height) {
        this(spec, p, width, height, null);
    }

    /**
     * Lays out the diagram; with {@code classes} (a network of more than two classes) each output
     * node is filled with its class's colour and named by it, the name beside the node.
     */
    NetworkDiagram(NetworkSpec spec, Parameters p, int width, int height, ClassView classes) {
        this.classes = classes;
        double nameSpace = classes == null ? 0 : 70; // the class names right of the output column
        List<Integer> widths = spec.layerWidths();
        int columns = widths.size();
        int tallest = 0;
        for (int c = 0; c < columns; c++) {
            tallest = Math.max(tallest, rows(widths.get(c)) + (c < columns - 1 ? 1 : 0));
        }
        double top = 84;
        double bottom = height - 40;
        double rowGap = (bottom - top) / Math.max(1, tallest);
        this.radius = Math.max(3, Math.min(24, rowGap * 0.38));
        List<List<Node>> byColumn = new ArrayList<>();
        for (int c = 0; c < columns; c++) {
            int units = widths.get(c);
            int drawn = shown(units);
            int gap = rows(units) - drawn; // a row for the note of the units not drawn
            boolean hasBias = c < columns - 1;
            int count = drawn + gap + (hasBias ? 1 : 0);
            double x = 80 + c * (width - 160 - nameSpace) / (double) Math.max(1, columns - 1);
            double y0 = (top + bottom) / 2 - (count - 1) * rowGap / 2;
            List<Node> column = new ArrayList<>();
            for (int u = 0; u < drawn; u++) {
                String name = classes != null && c == columns - 1 ? classes.name(u) : name(spec, c, columns, u);
                column.add(new Node(name, c, false, x, y0 + u * rowGap));
            }
            if (gap > 0) {
                more.add(new More(x, y0 + drawn * rowGap, units - drawn));
            }
            if (hasBias) {
                column.add(new Node(c == 0 ? "xb" : columns > 3 ? "hb" + c : "hb", c, true, x,
                        y0 + (drawn + gap) * rowGap));
            }
            nodes.addAll(column);
            byColumn.add(column);
        }
        for (int l = 0; l + 1 < columns; l++) {
            LayerParameters layer = p.layer(l);
            double max = 0;
            for (float w : layer.weights()) {
                max = Math.max(max, Math.abs(w));
            }
            for (float b : layer.biases()) {
                max = Math.max(max, Math.abs(b));
            }
            List<Node> from = byColumn.get(l);
            List<Node> to = byColumn.get(l + 1);
            int outputs = shown(layer.outputs());
            int inputs = shown(layer.inputs());
            for (int o = 0; o < outputs; o++) {
                for (int i = 0; i < inputs; i++) {
                    edges.add(new Edge(from.get(i), to.get(o), layer.weight(o, i), max, labelAt(o, outputs)));
                }
                edges.add(new Edge(from.get(from.size() - 1), to.get(o), layer.bias(o), max, labelAt(o, outputs)));
            }
        }
    }

    /** Where along an edge its weight is written: staggered by target, so labels of one fan do not pile up. */
    private static double labelAt(int target, int targets) {
        return targets == 1 ? 0.5 : 0.22 + 0.5 * target / (double) (targets - 1);
    }

    private static String name(NetworkSpec spec, int column, int columns, int unit) {
        if (column == 0) {
            Feature f = spec.inputs().get(unit);
            return switch (f) {
                case X1, X2 -> f.id();
                case X1_SQUARED, X2_SQUARED, X1_TIMES_X2, SIN_X1, SIN_X2 -> f.label();
            };
        }
        if (column == columns - 1) {
            return "o" + (unit + 1);
        }
        return columns > 3 ? "h" + column + "." + (unit + 1) : "h" + (unit + 1);
    }

    List<Node> nodes() {
        return nodes;
    }

    List<Edge> edges() {
        return edges;
    }

    List<More> more() {
        return more;
    }

    void paint(Graphics2D g, String title) {
        boolean labelWeights = edges.size() <= 30;
        for (Edge e : edges) {
            g.setColor(e.weight() >= 0 ? Palette.WEIGHT_POSITIVE : Palette.WEIGHT_NEGATIVE);
            g.setStroke(Palette.weightStroke(e.weight(), e.layerMaxAbs()));
            g.draw(new Line2D.Double(e.from().x(), e.from().y(), e.to().x(), e.to().y()));
        }
        if (labelWeights) {
            g.setFont(Palette.TICK.deriveFont(10f));
            for (Edge e : edges) {
                double t = e.labelAt();
                double x = e.from().x() + t * (e.to().x() - e.from().x());
                double y = e.from().y() + t * (e.to().y() - e.from().y());
                String label = String.format(Locale.ROOT, "%.2f", e.weight());
                int w = g.getFontMetrics().stringWidth(label);
                g.setColor(new java.awt.Color(255, 255, 255, 210));
                g.fill(new java.awt.geom.Rectangle2D.Double(x - w / 2.0 - 1, y - 8, w + 2, 11));
                g.setColor(Palette.INK);
                g.drawString(label, (float) (x - w / 2.0), (float) (y + 1));
            }
        }
        g.setStroke(new BasicStroke(1.2f));
        g.setFont(Palette.AXIS.deriveFont(radius >= 14 ? 13f : 9f));
        int last = nodes.isEmpty() ? 0 : nodes.get(nodes.size() - 1).column();
        int output = 0;
        for (Node n : nodes) {
            Ellipse2D circle = new Ellipse2D.Double(n.x() - radius, n.y() - radius, 2 * radius, 2 * radius);
            boolean classNode = classes != null && n.column() == last && !n.bias();
            g.setColor(n.bias() ? Palette.BIAS_NODE : classNode ? classes.colour(output) : Palette.NODE);
            g.fill(circle);
            g.setColor(Palette.INK);
            g.draw(circle);
            if (classNode) {
                // a class's name ("sky blue", "background") is too long for the node, so beside it
                Font before = g.getFont();
                g.setFont(Palette.TICK);
                g.drawString(n.name(), (float) (n.x() + radius + 5), (float) (n.y() + 4));
                g.setFont(before);
                output++;
            } else if (radius >= 8) {
                MapPanel.centred(g, n.name(), n.x(), n.y() + 4);
            }
        }
        g.setFont(Palette.TICK);
        for (More m : more) {
            String note = "\u22ee +" + m.hidden() + " more";
            int w = g.getFontMetrics().stringWidth(note);
            g.setColor(java.awt.Color.WHITE); // the note stays readable over the bias node's edges
            g.fill(new java.awt.geom.Rectangle2D.Double(m.x() - w / 2.0 - 3, m.y() - 8, w + 6, 16));
            g.setColor(Palette.INK);
            MapPanel.centred(g, note, m.x(), m.y() + 4);
        }
        g.setColor(Palette.INK);
        g.setFont(Palette.TITLE);
        g.drawString(title, 16, 24);
        g.setFont(Palette.TICK);
        g.drawString("Edge colour and dashes: the weight's sign (blue solid +, orange dashed -).", 16, 42);
        g.drawString("Thickness: |weight| relative to its layer's largest. Grey nodes are bias nodes (always 1).", 16, 56);
        if (classes != null) {
            g.drawString("Output: one unit per class, in its colour; softmax turns their values into the classes'"
                    + " probabilities.", 16, 70);
        }
    }
}
