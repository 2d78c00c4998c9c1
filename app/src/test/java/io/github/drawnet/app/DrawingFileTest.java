package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --drawing FILE}: a user's own PNG, either dark ink on a light background or opaque ink on a
 * transparent one, becomes the region the points are labelled by.
 */
final class DrawingFileTest {

    // a disc off the centre, so that a flipped axis would label other points
    static final int WIDTH = 64;
    static final int HEIGHT = 48;
    static final int CX = 42;
    static final int CY = 14;
    static final int R = 11;

    static boolean inDisc(int col, int row) {
        return (col - CX) * (col - CX) + (row - CY) * (row - CY) <= R * R;
    }

    static Path disc(Path file, boolean alpha) throws IOException {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        for (int row = 0; row < HEIGHT; row++) {
            for (int col = 0; col < WIDTH; col++) {
                int paper = alpha ? 0x00FFFFFF : 0xFFFFFFFF;
                image.setRGB(col, row, inDisc(col, row) ? 0xFF000000 : paper);
            }
        }
        assertThat(ImageIO.write(image, "png", file.toFile())).isTrue();
        return file;
    }

    static int discPixels() {
        int n = 0;
        for (int row = 0; row < HEIGHT; row++) {
            for (int col = 0; col < WIDTH; col++) {
                n += inDisc(col, row) ? 1 : 0;
            }
        }
        return n;
    }

    static CliRunner.Result run(Path drawing, Path out, String... more) {
        String[] base = {"run", "--drawing", drawing.toString(), "--backend", "reference", "--epochs", "1",
            "--train-size", "200", "--val-size", "50", "--test-size", "100", "--out", out.toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        return r;
    }

    /** Checks that every point is labelled 1 exactly when its pixel is in the disc; returns the points. */
    static List<String> assertLabelledByTheDisc(Path pointsCsv) throws IOException {
        List<String> points = Files.readAllLines(pointsCsv);
        assertThat(points).hasSize(351);
        int positives = 0;
        for (String line : points.subList(1, points.size())) {
            String[] f = line.split(",");
            double x1 = Double.parseDouble(f[0]);
            double x2 = Double.parseDouble(f[1]);
            // x1 = col/(width-1) left to right, x2 = (height-1-row)/(height-1) bottom to top
            int col = (int) Math.round(x1 * (WIDTH - 1));
            int row = (int) Math.round((HEIGHT - 1) - x2 * (HEIGHT - 1));
            double label = Double.parseDouble(f[2]);
            assertThat(label).as(line).isEqualTo(inDisc(col, row) ? 1.0 : 0.0);
            positives += label > 0 ? 1 : 0;
        }
        assertThat(positives).isPositive();
        return points;
    }

    @Test
    void run_blackDiscOnWhite_pointsLabelledByTheDisc(@TempDir Path dir) throws IOException {
        Path png = disc(dir.resolve("disc.png"), false);
        CliRunner.Result r = run(png, dir.resolve("out"));
        assertThat(r.out().lines()).contains(
                String.format(Locale.ROOT, "Drawing: disc.png (64 x 48, file %s), %.1f%% of the canvas drawn", png,
                        100.0 * discPixels() / (WIDTH * HEIGHT)),
                "Points: 200 training, 50 validation, 100 test; seed 0, binary labels",
                "Training: adam, learning rate 0.01, batch size 24, 1 epochs, weight decay 0.0, shuffled each epoch");
        assertLabelledByTheDisc(dir.resolve("out/points.csv"));
        var metrics = new ObjectMapper().readTree(dir.resolve("out/metrics.json").toFile());
        assertThat(metrics.at("/drawing/name").asText()).isEqualTo("disc.png");
        assertThat(metrics.at("/drawing/width").asInt()).isEqualTo(WIDTH);
        assertThat(metrics.at("/drawing/height").asInt()).isEqualTo(HEIGHT);
    }

    @Test
    void run_opaqueDiscOnTransparent_softLabels_theSameRegion(@TempDir Path dir) throws IOException {
        Path alpha = disc(dir.resolve("alpha.png"), true);
        CliRunner.Result r = run(alpha, dir.resolve("out"), "--soft-labels");
        assertThat(r.out().lines()).contains("Points: 200 training, 50 validation, 100 test; seed 0, soft labels");
        // the disc has no anti-aliased edge: coverage is 0 or 1, so the soft labels are the disc's own
        assertLabelledByTheDisc(dir.resolve("out/points.csv"));
        assertThat(new ObjectMapper().readTree(dir.resolve("out/metrics.json").toFile()).at("/data/labels").asText())
                .isEqualTo("soft");
    }
}
