package io.github.drawnet.api;

import java.util.Locale;
import java.util.Objects;

/**
 * One class of a drawing: its name and the colour it was drawn in, which every figure uses for it.
 * Class 0 is the background.
 *
 * @param name the class's name: {@code background}, or the colour as {@code #rrggbb} when read from a
 *     drawing in colours
 * @param rgb the class's colour, {@code 0xRRGGBB}
 */
public record DrawingClass(String name, int rgb) {

    /** The background's colour in figures (white). */
    public static final int BACKGROUND_RGB = 0xFFFFFF;

    /**
     * Validates the name and the colour.
     *
     * @throws IllegalArgumentException for an empty name or a colour beyond {@code 0xFFFFFF}
     */
    public DrawingClass {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("a class needs a name, got '" + name + "'");
        }
        if (rgb < 0 || rgb > 0xFFFFFF) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "a class colour must be in [0x000000, 0xFFFFFF], got 0x%X", rgb));
        }
    }

    /** Returns the background class, white. */
    public static DrawingClass background() {
        return new DrawingClass("background", BACKGROUND_RGB);
    }

    /** Returns a class named by its colour, {@code #rrggbb}. */
    public static DrawingClass ofColour(int rgb) {
        return new DrawingClass(hex(rgb), rgb);
    }

    /** Returns the colour as {@code #rrggbb}. */
    public String hex() {
        return hex(rgb);
    }

    private static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }
}
