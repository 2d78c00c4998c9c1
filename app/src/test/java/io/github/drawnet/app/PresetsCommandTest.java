package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.sampling.DrawingReader;
import io.github.drawnet.sampling.Preset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code drawnet presets}: the built-in drawings listed, and exported as PNGs to start a drawing from. */
final class PresetsCommandTest {

    static final List<String> IDS = List.of("blob", "ring", "xor", "halfplane", "spiral", "moons", "three-blobs",
            "quadrants");

    static String share(Preset p) {
        return String.format(Locale.ROOT, "%.1f%% drawn", 100 * p.drawing().positiveShare());
    }

    @Test
    void presets_listsEachDrawingWithItsShare_defaultMarked() {
        CliRunner.Result r = CliRunner.run("presets");
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        List<String> lines = r.out().lines().toList();
        assertThat(lines).extracting(l -> l.split(" +")[0]).containsExactlyElementsOf(IDS);
        for (String line : lines) {
            Preset p = Preset.fromId(line.split(" +")[0]);
            assertThat(line).contains(p.description()).contains(share(p));
            assertThat(line.endsWith("  (default)")).as(line).isEqualTo(p == Preset.BLOB);
        }
    }

    @Test
    void presetsExport_writesEveryPresetAsAReadablePng_eachTheDrawingItself(@TempDir Path dir) throws IOException {
        Path export = dir.resolve("drawings");
        CliRunner.Result r = CliRunner.run("presets", "--export", export.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEmpty();
        try (var files = Files.list(export)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrderElementsOf(IDS.stream().map(id -> id + ".png").toList());
        }
        for (String id : IDS) {
            Path png = export.resolve(id + ".png");
            assertThat(r.out()).contains(share(Preset.fromId(id)) + (id.equals("blob") ? "  (default)" : "")
                    + "  -> " + png);
            BufferedImage image = ImageIO.read(png.toFile());
            assertThat(image).as(id).isNotNull();
            // read back as a user's drawing, the PNG marks the very same region
            Drawing read = DrawingReader.read(png);
            Drawing preset = Preset.fromId(id).drawing();
            assertThat(read.width()).isEqualTo(preset.width());
            assertThat(read.height()).isEqualTo(preset.height());
            assertThat(read.positiveShare()).as(id).isEqualTo(preset.positiveShare());
        }
    }

    @Test
    void presetsExport_intoAFile_exit5NothingWritten(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("drawings"), "x");
        CliRunner.Result r = CliRunner.run("presets", "--export", file.toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).startsWith("drawnet presets: output folder " + file + " is a file");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(Files.readString(file)).isEqualTo("x");
    }
}
