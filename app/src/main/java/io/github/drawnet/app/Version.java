package io.github.drawnet.app;

import io.github.drawnet.io.DrawnetVersion;
import picocli.CommandLine;

/** The version of Drawnet, from the build. */
public final class Version implements CommandLine.IVersionProvider {

    /** Returns the version string, for example {@code 0.1.0-SNAPSHOT}. */
    public static String get() {
        return DrawnetVersion.get();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"drawnet " + get(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
