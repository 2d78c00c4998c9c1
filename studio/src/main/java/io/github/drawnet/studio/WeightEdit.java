package io.github.drawnet.studio;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Parameters;
import java.util.ArrayList;
import java.util.List;

/**
 * One weight or bias a page typed into the network drawing, as the studio's weight endpoint takes it:
 * {@code {"layer": l, "row": o, "col": i, "value": v}} sets the weight from input {@code i} to unit
 * {@code o} of {@code Linear} layer {@code l} (0 the first hidden layer, the output layer last, as the
 * {@code layers} of a {@code maps} event hold them: {@code w[row][col]}), {@code {"layer": l, "bias": o,
 * "value": v}} the bias of unit {@code o}. The value is a JSON number or the typed text of one.
 *
 * @param layer the layer's index, from 0
 * @param row the unit the weight leads to, or the unit whose bias it is
 * @param col the input the weight comes from; -1 for a bias
 * @param value the value to set, finite and within {@link #MAX_ABS}
 */
record WeightEdit(int layer, int row, int col, double value) {

    /** The largest weight or bias a page may set, either sign: far beyond what training gives here. */
    static final double MAX_ABS = 100;

    private static final String DECIMAL = "[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?";

    /** Returns whether this edit sets a bias. */
    boolean isBias() {
        return col < 0;
    }

    /**
     * Reads an edit from a request's body; its indices are checked against the network by {@link
     * #applyTo}.
     *
     * @throws StudioException 400 naming the field that is missing, not a whole number, or the value
     *     that is not a finite number within {@link #MAX_ABS}
     */
    static WeightEdit from(JsonNode body) {
        int layer = index(body, "layer");
        boolean bias = body.has("bias");
        if (bias && (body.has("row") || body.has("col"))) {
            throw new StudioException(400, "send either \"bias\" or \"row\" and \"col\", not both");
        }
        int row = index(body, bias ? "bias" : "row");
        int col = bias ? -1 : index(body, "col");
        return new WeightEdit(layer, row, col, value(body.get("value")));
    }

    private static int index(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            throw new StudioException(400, "the weight to set needs \"" + field + "\", a whole number from 0");
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0) {
            throw new StudioException(400, "\"" + field + "\" must be a whole number from 0, got "
                    + StudioGuard.shorten(n.toString(), 40));
        }
        return n.asInt();
    }

    private static double value(JsonNode n) {
        String text = n == null || n.isNull() ? "" : n.isTextual() ? n.asText().strip() : n.toString();
        // decimal numbers only: Java would also read "NaN", "Infinity", "1f" or "0x1p3"
        double v = text.matches(DECIMAL) ? Double.parseDouble(text) : Double.NaN;
        if (!(Math.abs(v) <= MAX_ABS)) {
            throw new StudioException(400, "a weight must be a number in [-" + (int) MAX_ABS + ", " + (int) MAX_ABS
                    + "], got '" + StudioGuard.shorten(text, 40) + "'");
        }
        return v;
    }

    /**
     * Returns {@code p} with this edit's weight or bias set to {@link #value} as a 32-bit float, the
     * precision engines hold it in.
     *
     * @throws StudioException 400 naming the index that is beyond the network's layers or units
     */
    Parameters applyTo(Parameters p) {
        if (layer >= p.layerCount()) {
            throw new StudioException(400, "layer " + layer + " is beyond the network: its layers are 0 to "
                    + (p.layerCount() - 1));
        }
        LayerParameters l = p.layer(layer);
        if (row >= l.outputs()) {
            throw new StudioException(400, (isBias() ? "bias " : "row ") + row + " is beyond layer " + layer
                    + ": its units are 0 to " + (l.outputs() - 1));
        }
        if (col >= l.inputs()) {
            throw new StudioException(400, "col " + col + " is beyond layer " + layer + ": its inputs are 0 to "
                    + (l.inputs() - 1));
        }
        float[] w = l.weights();
        float[] b = l.biases();
        if (isBias()) {
            b[row] = (float) value;
        } else {
            w[row * l.inputs() + col] = (float) value;
        }
        List<LayerParameters> layers = new ArrayList<>(p.layers());
        layers.set(layer, new LayerParameters(l.inputs(), l.outputs(), w, b));
        return new Parameters(layers);
    }

    /** Returns the value this edit's place holds in {@code p}. */
    float readFrom(Parameters p) {
        LayerParameters l = p.layer(layer);
        return isBias() ? l.bias(row) : l.weight(row, col);
    }

    /** Returns where the edit goes, for the log: "weight from input 1 to unit 2 of layer 0". */
    String describe() {
        return (isBias() ? "bias of unit " + row : "weight from input " + col + " to unit " + row) + " of layer " + layer;
    }
}
