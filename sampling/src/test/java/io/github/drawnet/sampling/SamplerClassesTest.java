package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.SampleSizes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sampling a drawing of more than two classes: labels are classes, noise moves a label to another class. */
final class SamplerClassesTest {

    private final Drawing blobs = Preset.THREE_BLOBS.drawing();

    @Test
    void sample_drawingInColours_labelsAreThePixelsClasses_samePixelsAsTheBinaryReading() {
        DataSplits classes = Sampler.sample(blobs, SampleSizes.notebook(), 11);
        Drawing binary = DrawingReader.fromImage(Preset.THREE_BLOBS.image(), "three-blobs", ClassReading.BINARY);
        DataSplits oneRegion = Sampler.sample(binary, SampleSizes.notebook(), 11);
        for (Dataset[] pair : new Dataset[][] {{classes.train(), oneRegion.train()},
            {classes.validation(), oneRegion.validation()}, {classes.test(), oneRegion.test()}}) {
            Dataset d = pair[0];
            assertThat(d.classCount()).isEqualTo(4);
            assertThat(d.x1s()).isEqualTo(pair[1].x1s());
            assertThat(d.x2s()).isEqualTo(pair[1].x2s());
            for (int i = 0; i < d.size(); i++) {
                int col = (int) Math.round(d.x1(i) * 255);
                int row = 255 - (int) Math.round(d.x2(i) * 255);
                assertThat(d.classOf(i)).isEqualTo(blobs.classOf(col, row));
                assertThat(d.label(i)).isEqualTo(blobs.classOf(col, row));
                // drawn in any colour is drawn in the binary reading: the same pixels' coverage is at least one half
                assertThat(d.classOf(i) > 0).isEqualTo(pair[1].classOf(i) == 1);
            }
        }
        // uniform pixels: each class's share of a large split is close to its share of the drawing
        long[] pixels = blobs.classPixels();
        long[] counts = classes.test().classCounts();
        for (int k = 0; k < 4; k++) {
            assertThat(counts[k] / 10_000.0).isCloseTo(pixels[k] / 65_536.0, org.assertj.core.api.Assertions.within(0.015));
        }
        assertThat(classes.provenance().drawingSha256()).isEqualTo(blobs.sha256());
    }

    @Test
    void sample_softLabelsForMoreThanTwoClasses_refusedNamingTheCount() {
        assertThatThrownBy(() -> Sampler.sample(blobs, SampleSizes.notebook(), 0, LabelMode.SOFT, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("soft labels need a drawing of two classes; drawing three-blobs has 4 (soft labels are how"
                        + " much of a pixel one region covers): use binary labels, or read any ink as one class"
                        + " (--classes binary)");
    }

    @Test
    void sample_noise_movesExactlyThatShareToAnotherClass_eachOtherAsLikely() {
        Drawing quadrants = Preset.QUADRANTS.drawing();
        SampleSizes sizes = new SampleSizes(20_000, 500, 500);
        DataSplits clean = Sampler.sample(quadrants, sizes, 4, LabelMode.BINARY, 0);
        DataSplits noisy = Sampler.sample(quadrants, sizes, 4, LabelMode.BINARY, 0.3);
        int k = quadrants.classCount();
        long[][] moves = new long[k][k];
        int flipped = 0;
        for (int i = 0; i < clean.train().size(); i++) {
            int from = clean.train().classOf(i);
            int to = noisy.train().classOf(i);
            if (from != to) {
                flipped++;
                moves[from][to]++;
            }
        }
        assertThat(flipped).as("no label moved to its own class, so every draw shows").isEqualTo(6000);
        // from each class, the k - 1 others each take about a quarter of its flipped labels
        for (int from = 0; from < k; from++) {
            long out = java.util.Arrays.stream(moves[from]).sum();
            for (int to = 0; to < k; to++) {
                if (to != from) {
                    double expected = out / (double) (k - 1);
                    assertThat((double) moves[from][to]).as("%d -> %d of %d", from, to, out)
                            .isBetween(expected - 4 * Math.sqrt(expected), expected + 4 * Math.sqrt(expected));
                }
            }
        }
        assertThat(noisy.train().classCount()).isEqualTo(k);
        assertThat(noisy.test()).isEqualTo(clean.test());
        assertThat(noisy.validation()).isEqualTo(clean.validation());
        assertThat(noisy.train().x1s()).isEqualTo(clean.train().x1s());
    }

    @Test
    void sample_classTooSmallForASplit_refusedNamingTheClassAndTheSplit() {
        int[] map = new int[64 * 64];
        for (int i = 0; i < map.length; i++) {
            map[i] = i < 2048 ? 1 : 0;
        }
        map[4094] = 2; // two pixels of blue
        map[4095] = 2;
        Drawing d = Drawing.ofClasses("dot.png", 64, 64, map,
                List.of(DrawingClass.background(), DrawingClass.ofColour(0xd55e00), DrawingClass.ofColour(0x0072b2)));
        assertThatThrownBy(() -> Sampler.sample(d, new SampleSizes(100, 50, 50), 0))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("class #0072b2 of drawing dot.png is too small: the training set of 100 points holds no"
                        + " point of it (it covers 0.049% of the canvas); draw it larger or sample more points");
    }

    @Test
    void sample_classMissingFromTheValidationSplit_namesThatSplit() {
        int[] map = new int[64 * 64];
        for (int i = 0; i < map.length; i++) {
            map[i] = i % 64 < 32 ? 1 : i % 64 < 63 ? 0 : 2; // the rightmost column blue: 1/64 of the canvas
        }
        Drawing d = Drawing.ofClasses("thin.png", 64, 64, map,
                List.of(DrawingClass.background(), DrawingClass.ofColour(0xd55e00), DrawingClass.ofColour(0x0072b2)));
        // a training set large enough to hold blue, and a validation set of one point that cannot hold every class
        assertThatThrownBy(() -> Sampler.sample(d, new SampleSizes(2000, 1, 2000), 0))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessageStartingWith("class ").hasMessageContaining(" of drawing thin.png is too small: the validation"
                        + " set of 1 points holds no point of it");
    }

    @Test
    void sample_wholeCanvasInColours_refusedAsTheBackgroundIsEmpty() {
        int[] map = new int[16 * 16];
        for (int i = 0; i < map.length; i++) {
            map[i] = i < 128 ? 1 : 2;
        }
        Drawing d = Drawing.ofClasses("full.png", 16, 16, map,
                List.of(DrawingClass.background(), DrawingClass.ofColour(0xd55e00), DrawingClass.ofColour(0x0072b2)));
        assertThatThrownBy(() -> Sampler.sample(d, SampleSizes.notebook(), 0)).isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing full.png has no pixel of class background (the whole canvas is drawn): every class"
                        + " needs pixels to be learned; leave part of the canvas empty");
    }

    @Test
    void sample_aColourClassWithoutPixels_refusedNamingIt() {
        int[] map = new int[16 * 16];
        for (int i = 0; i < map.length; i++) {
            map[i] = i < 128 ? 1 : 0;
        }
        Drawing d = Drawing.ofClasses("gone.png", 16, 16, map,
                List.of(DrawingClass.background(), DrawingClass.ofColour(0xd55e00), DrawingClass.ofColour(0x0072b2)));
        assertThatThrownBy(() -> Sampler.sample(d, SampleSizes.notebook(), 0)).isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing gone.png has no pixel of class #0072b2: every class needs pixels to be learned;"
                        + " draw a region of it");
    }
}
