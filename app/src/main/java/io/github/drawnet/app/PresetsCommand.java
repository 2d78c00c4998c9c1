package io.github.drawnet.app;

import com.google.inject.Inject;
import com.google.inject.name.Named;
import io.github.drawnet.api.internal.AtomicFiles;
import io.github.drawnet.sampling.Preset;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code drawnet presets}: lists the built-in drawings, and writes them as PNGs on request. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = {"List the built-in drawings.", "With --export DIR, write each as a PNG to start a drawing from."})
final class PresetsCommand implements Callable<Integer> {

    @Option(names = "--export", paramLabel = "DIR", description = "Write every preset as DIR/<name>.png.")
    Path export;

    private final PrintStream out;

    @Inject
    PresetsCommand(@Named("out") PrintStream out) {
        this.out = out;
    }

    @Override
    public Integer call() throws IOException {
        for (Preset p : Preset.values()) {
            String line = String.format(Locale.ROOT, "%-10s %-34s %5.1f%% drawn%s", p.id(), p.description(),
                    100 * p.drawing().positiveShare(), p == Preset.DEFAULT ? "  (default)" : "");
            if (export != null) {
                Path file = OutputFolder.prepare(export, "--export").resolve(p.id() + ".png");
                AtomicFiles.write(file, o -> ImageIO.write(p.image(), "png", o));
                line += "  -> " + file;
            }
            out.println(line);
        }
        return ExitCodes.OK;
    }
}
