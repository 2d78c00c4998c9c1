package io.github.drawnet.grading;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.sampling.Preset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Writes small drawings (presets scaled down, painted in alpha) and broken files for the tests. */
final class TestDrawings {

    private TestDrawings() {}

    /** Writes {@code preset} as a {@code side x side} PNG whose alpha is the coverage. */
    static Path write(Path file, Preset preset, int side) throws IOException {
        Drawing d = preset.drawing();
        BufferedImage img = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                int a = Math.round(255 * d.coverage(col * d.width() / side, row * d.height() / side));
                img.setRGB(col, row, (a << 24) | 0x202020);
            }
        }
        Files.createDirectories(file.getParent());
        ImageIO.write(img, "png", file.toFile());
        return file;
    }

    /** Writes a file that starts like a PNG and then stops. */
    static Path corrupt(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0};
        return Files.write(file, header);
    }
}
