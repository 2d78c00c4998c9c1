package io.github.drawnet.app;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.sampling.Preset;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** A class's folder for the grade tests: five small drawings in subfolders per student, and a corrupt PNG. */
final class GradeDrawings {

    static final String[] SMALL = {"--train-size", "240", "--val-size", "60", "--test-size", "300", "--epochs", "3"};

    private GradeDrawings() {}

    static Path folder(Path dir) throws IOException {
        write(dir.resolve("ann/blob.png"), Preset.BLOB, 64);
        write(dir.resolve("ann/ring.png"), Preset.RING, 48);
        write(dir.resolve("ben/xor.png"), Preset.XOR, 40);
        write(dir.resolve("ben/halfplane.png"), Preset.HALF_PLANE, 32);
        write(dir.resolve("moons.png"), Preset.MOONS, 64);
        Files.createDirectories(dir.resolve("cy"));
        // a PNG's signature and the start of its header, then nothing
        Files.write(dir.resolve("cy/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0,
            0, 13, 'I', 'H', 'D', 'R'});
        return dir;
    }

    static void write(Path file, Preset preset, int side) throws IOException {
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
    }

    /** Returns the lines of a grades.csv without the seconds column. */
    static java.util.List<String> withoutSeconds(Path csv) throws IOException {
        return Files.readAllLines(csv).stream().map(l -> {
            String[] f = l.split(",", -1);
            return l.replace("," + f[f.length - 3] + "," + f[f.length - 2] + ",", ",," + f[f.length - 2] + ",");
        }).toList();
    }

    static String[] concat(String[] a, String... b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
