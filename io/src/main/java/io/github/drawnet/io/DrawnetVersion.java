package io.github.drawnet.io;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of Drawnet, from the build; written into every file so a reader knows what wrote it. */
public final class DrawnetVersion {

    private static final String VERSION = load();

    private DrawnetVersion() {}

    /** Returns the version string, for example {@code 0.1.0-SNAPSHOT}, or {@code unknown}. */
    public static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = DrawnetVersion.class.getResourceAsStream("drawnet-version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
