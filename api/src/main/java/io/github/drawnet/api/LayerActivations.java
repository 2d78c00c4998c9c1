package io.github.drawnet.api;

import io.github.drawnet.api.internal.Checks;

/**
 * The outputs of one hidden layer's units for many points, row-major: point {@code p}, unit {@code
 * u} at {@code values[p * units + u]}.
 *
 * @param units the number of units in the layer
 * @param values the activations, {@code count × units} values
 */
public record LayerActivations(int units, float[] values) {

    /** Validates the shape. */
    public LayerActivations {
        Checks.argument(units >= 1 && values.length % units == 0,
                "activations of %d units cannot have %d values", units, values.length);
    }

    /** Returns the number of points. */
    public int count() {
        return values.length / units;
    }

    /** Returns the activation of unit {@code unit} at point {@code point}. */
    public float value(int point, int unit) {
        return values[point * units + unit];
    }

    /** Returns one unit's activation at every point, in point order. */
    public float[] unit(int unit) {
        Checks.argument(unit >= 0 && unit < units, "unit must be in [0, %d], got %d", units - 1, unit);
        float[] column = new float[count()];
        for (int p = 0; p < column.length; p++) {
            column[p] = values[p * units + unit];
        }
        return column;
    }
}
