package io.github.drawnet.viz;

import io.github.drawnet.api.DrawingClass;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The colours Drawnet calls by name, in one place: the palette a drawing's classes are painted with
 * and the two ends of the colour scheme of weights and maps. Figures, the report and the studio's page
 * name a class "orange", not {@code #e69f00}, and keep the code for a tooltip or a smaller line. The
 * studio's page holds a copy of these lists (its script must draw before it asks the server anything);
 * a studio test checks the copy equals them.
 *
 * <p>Immutable and thread-safe.
 */
public final class ColourNames {

    /**
     * A colour and its name.
     *
     * @param name what a student calls it: {@code orange}, {@code sky blue}
     * @param rgb the colour, {@code 0xRRGGBB}
     */
    public record Named(String name, int rgb) {

        /**
         * Validates the name and the colour.
         *
         * @throws IllegalArgumentException for a blank name or a colour beyond {@code 0xFFFFFF}
         */
        public Named {
            Objects.requireNonNull(name, "name");
            if (name.isBlank() || rgb < 0 || rgb > 0xFFFFFF) {
                throw new IllegalArgumentException(String.format(Locale.ROOT,
                        "a named colour needs a name and a colour in [0x000000, 0xFFFFFF], got '%s' 0x%X", name, rgb));
            }
        }

        /** Returns the colour as {@code #rrggbb}. */
        public String hex() {
            return ColourNames.hex(rgb);
        }
    }

    /**
     * The inks a drawing's classes are painted with: Okabe and Ito's palette without its yellow (faint
     * on white), whose colours stay apart under the common colour-vision deficiencies. The first is the
     * notebook's black: a drawing in one colour is the notebook's two-class drawing.
     */
    public static final List<Named> PALETTE = List.of(
            new Named("black", 0x000000),
            new Named("orange", 0xe69f00),
            new Named("sky blue", 0x56b4e9),
            new Named("bluish green", 0x009e73),
            new Named("vermillion", 0xd55e00),
            new Named("blue", 0x0072b2),
            new Named("reddish purple", 0xcc79a7));

    /**
     * The positive end of the colour scheme (TensorFlow Playground's blue): class 1 of a two-class
     * run, positive weights, a map's values above its neutral value.
     */
    public static final Named POSITIVE = new Named("blue", 0x0877bd);

    /**
     * The negative end of the colour scheme (TensorFlow Playground's orange): class 0 of a two-class
     * run, negative weights, a map's values below its neutral value.
     */
    public static final Named NEGATIVE = new Named("orange", 0xf59322);

    private static final Pattern CODE = Pattern.compile("#([0-9a-fA-F]{6})(?![0-9a-fA-F])");

    private ColourNames() {}

    /** Returns the name of {@code rgb} ({@code 0xRRGGBB}): a palette colour's or a scheme end's, else empty. */
    public static Optional<String> name(int rgb) {
        int c = rgb & 0xFFFFFF;
        for (Named n : PALETTE) {
            if (n.rgb() == c) {
                return Optional.of(n.name());
            }
        }
        if (c == POSITIVE.rgb()) {
            return Optional.of(POSITIVE.name());
        }
        return c == NEGATIVE.rgb() ? Optional.of(NEGATIVE.name()) : Optional.empty();
    }

    /** Returns the name of {@code rgb} ({@link #name(int)}), or its code {@code #rrggbb} for a colour without one. */
    public static String nameOrHex(int rgb) {
        return name(rgb).orElseGet(() -> hex(rgb));
    }

    /** Returns {@code rgb}'s colour code, {@code #rrggbb} (an alpha byte above it is ignored). */
    static String hex(int rgb) {
        return String.format(Locale.ROOT, "#%06x", rgb & 0xFFFFFF);
    }

    /**
     * Returns what a class is called where people read it: a class named by its colour's code (as a
     * drawing in colours names them) by the colour's name when it has one; any other name as it is
     * ({@code background}, a code of a colour without a name).
     */
    public static String className(DrawingClass c) {
        return c.name().equalsIgnoreCase(c.hex()) ? nameOrHex(c.rgb()) : c.name();
    }

    /**
     * Returns {@code text} with each colour code {@code #rrggbb} that has a name preceded by it:
     * {@code found 3 classes: background 60.0%, #d55e00 25.0%, #123456 15.0%} becomes {@code found 3
     * classes: background 60.0%, vermillion (#d55e00) 25.0%, #123456 15.0%}. For sentences people read
     * (the command line's account of a drawing's classes); codes without a name stay as they are.
     */
    public static String withNames(String text) {
        Matcher m = CODE.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 32);
        while (m.find()) {
            Optional<String> name = name(Integer.parseInt(m.group(1), 16));
            m.appendReplacement(out, Matcher.quoteReplacement(
                    name.map(n -> n + " (" + m.group() + ")").orElse(m.group())));
        }
        return m.appendTail(out).toString();
    }
}
