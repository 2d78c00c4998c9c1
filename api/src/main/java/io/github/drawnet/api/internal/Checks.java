package io.github.drawnet.api.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Precondition helpers whose messages carry the offending value and what is allowed, for example
 * {@code "batch size must be in [1, 5000], got 0"}. Shared by every module so that messages read
 * the same everywhere.
 */
public final class Checks {

    private Checks() {}

    /**
     * Returns {@code value} if it lies in {@code [min, max]}.
     *
     * @throws IllegalArgumentException naming {@code what}, the range and the value otherwise
     */
    public static int inRange(String what, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s must be in [%d, %d], got %d", what, min, max, value));
        }
        return value;
    }

    /**
     * Returns {@code value} if it lies in {@code [min, max]}.
     *
     * @throws IllegalArgumentException naming {@code what}, the range and the value otherwise
     */
    public static long inRange(String what, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s must be in [%d, %d], got %d", what, min, max, value));
        }
        return value;
    }

    /**
     * Returns {@code value} if it is finite and strictly positive.
     *
     * @throws IllegalArgumentException naming {@code what} and the value otherwise (NaN and
     *     infinities included)
     */
    public static double positiveFinite(String what, double value) {
        if (!Double.isFinite(value) || value <= 0) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s must be a finite number > 0, got %s", what, format(value)));
        }
        return value;
    }

    /**
     * Returns {@code value} if it is finite and not negative.
     *
     * @throws IllegalArgumentException naming {@code what} and the value otherwise
     */
    public static double nonNegativeFinite(String what, double value) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(
                    String.format(Locale.ROOT, "%s must be a finite number >= 0, got %s", what, format(value)));
        }
        return value;
    }

    /**
     * Returns {@code value} if it lies in the half-open interval {@code [min, max)}.
     *
     * @throws IllegalArgumentException naming {@code what}, the interval and the value otherwise
     */
    public static double inHalfOpenRange(String what, double value, double min, double max) {
        if (!(value >= min && value < max)) {
            throw new IllegalArgumentException(String.format(
                    Locale.ROOT, "%s must be in [%s, %s), got %s", what, format(min), format(max), format(value)));
        }
        return value;
    }

    /**
     * Throws {@link IllegalArgumentException} with the formatted message when {@code condition} is
     * false.
     */
    public static void argument(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, format, args));
        }
    }

    /**
     * Throws {@link IllegalStateException} with the formatted message when {@code condition} is
     * false.
     */
    public static void state(boolean condition, String format, Object... args) {
        if (!condition) {
            throw new IllegalStateException(String.format(Locale.ROOT, format, args));
        }
    }

    /**
     * Returns the constant of {@code type} whose {@code id} (as given by {@code idOf}) equals
     * {@code name}, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException {@code "unknown <what> 'x'; valid: a, b, c"} otherwise
     */
    public static <E extends Enum<E>> E parseName(
            String what, String name, Class<E> type, java.util.function.Function<E, String> idOf) {
        String wanted = name == null ? "" : name.strip();
        for (E constant : type.getEnumConstants()) {
            if (idOf.apply(constant).equalsIgnoreCase(wanted)) {
                return constant;
            }
        }
        String valid = Arrays.stream(type.getEnumConstants()).map(idOf).collect(Collectors.joining(", "));
        throw new IllegalArgumentException(
                String.format(Locale.ROOT, "unknown %s '%s'; valid: %s", what, name, valid));
    }

    /** Formats a double the way messages show it: integers without a fraction, others as given. */
    static String format(double value) {
        if (value == Math.rint(value) && Double.isFinite(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return Double.toString(value);
    }
}
