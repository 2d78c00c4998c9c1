package io.github.drawnet.run;

import java.nio.file.Path;

/**
 * Makes names safe to print: a file name or a drawing's name may hold control characters (a newline, an
 * escape sequence that would recolour or clear the terminal), which are shown escaped, as Java writes them
 * in a string ({@code \n}, {@code \t}, {@code \u001b}).
 */
public final class Printable {

    private Printable() {}

    /** Returns {@code text} with every control character (and the line and paragraph separators, the
     * right-to-left override) escaped; null becomes {@code "null"}. */
    public static String escape(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String replacement = switch (c) {
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\t' -> "\\t";
                default -> Character.isISOControl(c) || c == '\u2028' || c == '\u2029' || c == '\u202e'
                        ? String.format("\\u%04x", (int) c) : null;
            };
            if (replacement != null && sb == null) {
                sb = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (sb != null) {
                sb.append(replacement != null ? replacement : String.valueOf(c));
            }
        }
        return sb == null ? text : sb.toString();
    }

    /** Returns the path as text with every control character escaped ({@link #escape}). */
    public static String path(Path path) {
        return escape(String.valueOf(path));
    }

    /** Returns the message of a failure's innermost cause, or its class's simple name when it has none. */
    public static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
