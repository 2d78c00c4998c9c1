package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.SampleSizes;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Soft labels, label noise, and a split left with one class. */
final class SamplerSplitsTest {

    private static final Drawing BLOB = Preset.BLOB.drawing();

    /** A 16 × 16 drawing with {@code positives} positive pixels, the others empty. */
    static Drawing withPositives(String name, int positives) {
        float[] c = new float[256];
        Arrays.fill(c, 0, positives, 1f);
        return Drawing.of(name, 16, 16, c);
    }

    @Test
    void sample_softLabels_eachLabelIsItsPixelsCoverage() {
        DataSplits soft = Sampler.sample(BLOB, new SampleSizes(3000, 100, 100), 2, LabelMode.SOFT, 0);
        Dataset train = soft.train();
        for (int i = 0; i < train.size(); i++) {
            assertThat(train.label(i)).isEqualTo((double) BLOB.coverageAt(train.x1(i), train.x2(i)));
        }
        assertThat(soft.provenance().labelMode()).isEqualTo(LabelMode.SOFT);
    }

    @ParameterizedTest(name = "noise {0} of {1} training points flips {2}")
    @CsvSource({"0.1, 5000, 500", "0.25, 10, 3", "0.02, 5000, 100"})
    void sample_noise_flipsRoundOfNoiseTimesTrainLabels_validationAndTestClean(double noise, int train, int flips) {
        SampleSizes sizes = new SampleSizes(train, 500, 500);
        DataSplits clean = Sampler.sample(BLOB, sizes, 0, LabelMode.BINARY, 0);
        DataSplits noisy = Sampler.sample(BLOB, sizes, 0, LabelMode.BINARY, noise);
        int flipped = 0;
        for (int i = 0; i < train; i++) {
            flipped += noisy.train().label(i) == 1 - clean.train().label(i) ? 1 : 0;
        }
        assertThat(flipped).isEqualTo(flips);
        assertThat(noisy.train().x1s()).isEqualTo(clean.train().x1s());
        assertThat(noisy.validation()).isEqualTo(clean.validation());
        assertThat(noisy.test()).isEqualTo(clean.test());
    }

    @Test
    void sample_noiseOnSoftLabels_flippedLabelBecomesOneMinusIt() {
        DataSplits clean = Sampler.sample(BLOB, SampleSizes.notebook(), 3, LabelMode.SOFT, 0);
        DataSplits noisy = Sampler.sample(BLOB, SampleSizes.notebook(), 3, LabelMode.SOFT, 0.2);
        int changed = 0;
        for (int i = 0; i < clean.train().size(); i++) {
            double y = clean.train().label(i);
            double z = noisy.train().label(i);
            assertThat(z).isIn(y, 1 - y);
            changed += z != y ? 1 : 0;
        }
        // 1000 flips, each a change: a coverage k/255 is never exactly 0.5
        assertThat(changed).isEqualTo(1000);
    }

    @Test
    void sample_validationSetWithoutPositive_refusedNamingSplitAndShare() {
        Drawing dot = withPositives("dot.png", 1);
        assertThatThrownBy(() -> Sampler.sample(dot, new SampleSizes(5000, 1, 1), 0))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("the region of drawing dot.png is too small: the validation set of 1 points holds no positive"
                        + " point (0.391% of the canvas is drawn); draw a larger region or sample more points");
    }

    @Test
    void sample_testSetWithoutPositive_refused() {
        Drawing dot = withPositives("dot.png", 1);
        assertThatThrownBy(() -> Sampler.sample(dot, new SampleSizes(5000, 5000, 1), 0))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("the region of drawing dot.png is too small: the test set of 1 points holds no positive"
                        + " point (0.391% of the canvas is drawn); draw a larger region or sample more points");
    }

    @Test
    void sample_splitWithoutNegative_refusedAsTooLarge() {
        Drawing almostFull = withPositives("full.png", 255);
        assertThatThrownBy(() -> Sampler.sample(almostFull, new SampleSizes(5000, 1, 1), 0))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("the region of drawing full.png is too large: the validation set of 1 points holds no negative"
                        + " point (99.609% of the canvas is drawn); draw a smaller region or sample more points");
    }
}
