package io.github.drawnet.viz;

import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Parameters;
import java.util.Locale;

/** The learned parameters as text, the way the notebook prints them: one labelled matrix per array. */
public final class NotebookText {

    private NotebookText() {}

    /**
     * Returns every weight and bias as the notebook's parameter cell prints them: {@code Hidden Layer
     * Weights (Wh)=} then the matrix, and so on, each line ending in {@code \n}; with several hidden
     * layers they are numbered.
     */
    public static String parameters(Parameters p) {
        StringBuilder out = new StringBuilder();
        int layers = p.layerCount();
        for (int l = 0; l < layers; l++) {
            LayerParameters layer = p.layer(l);
            String name;
            String symbol;
            if (l == layers - 1) {
                name = "Output Layer";
                symbol = "o";
            } else if (layers == 2) {
                name = "Hidden Layer";
                symbol = "h";
            } else {
                name = "Hidden Layer " + (l + 1);
                symbol = "h" + (l + 1);
            }
            out.append(name).append(" Weights (W").append(symbol).append(")=\n");
            out.append(matrix(layer.weightMatrix())).append('\n');
            out.append(name).append(" Biases (b").append(symbol).append(")=\n");
            out.append(' ').append(row(layer.biases(), width(new float[][] {layer.biases()}))).append('\n');
        }
        return out.toString();
    }

    /**
     * Returns a matrix as NumPy prints it: six decimals, right-aligned in columns, rows on their own lines.
     */
    public static String matrix(float[][] m) {
        int w = width(m);
        StringBuilder sb = new StringBuilder(" [");
        for (int r = 0; r < m.length; r++) {
            if (r > 0) {
                sb.append("\n  ");
            }
            sb.append(row(m[r], w));
        }
        return sb.append(']').toString();
    }

    private static String row(float[] values, int width) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            String s = String.format(Locale.ROOT, "%.6f", values[i]);
            sb.append(" ".repeat(Math.max(0, width - s.length()))).append(s);
        }
        return sb.append(']').toString();
    }

    private static int width(float[][] m) {
        int w = 0;
        for (float[] r : m) {
            for (float v : r) {
                w = Math.max(w, String.format(Locale.ROOT, "%.6f", v).length());
            }
        }
        return w;
    }
}
