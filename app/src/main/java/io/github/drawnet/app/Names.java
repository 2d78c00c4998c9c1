package io.github.drawnet.app;

import io.github.drawnet.run.Printable;
import java.nio.file.Path;

/** Names made safe to print, control characters escaped: the library's {@link Printable}, by its short names. */
final class Names {

    private Names() {}

    static String escape(String text) {
        return Printable.escape(text);
    }

    static String quoted(Path path) {
        return Printable.path(path);
    }
}
