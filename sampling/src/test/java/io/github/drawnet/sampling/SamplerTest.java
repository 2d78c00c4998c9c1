package io.github.drawnet.sampling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.SampleSizes;
import org.junit.jupiter.api.Test;

final class SamplerTest {

    private final Drawing blob = Preset.BLOB.drawing();

    @Test
    void sample_sameSeed_samePoints() {
        DataSplits a = Sampler.sample(blob, SampleSizes.notebook(), 42);
        DataSplits b = Sampler.sample(blob, SampleSizes.notebook(), 42);
        assertThat(a.train()).isEqualTo(b.train());
        assertThat(a.validation()).isEqualTo(b.validation());
        assertThat(a.test()).isEqualTo(b.test());
    }

    @Test
    void sample_otherSeed_otherPoints() {
        DataSplits a = Sampler.sample(blob, SampleSizes.notebook(), 42);
        DataSplits b = Sampler.sample(blob, SampleSizes.notebook(), 43);
        assertThat(a.train()).isNotEqualTo(b.train());
        assertThat(a.train().x1s()).isNotEqualTo(b.train().x1s());
    }

    @Test
    void sample_notebookSizes_splitsHaveThem_andProvenanceRecordsSeed() {
        DataSplits d = Sampler.sample(blob, SampleSizes.notebook(), 7);
        assertThat(d.train().size()).isEqualTo(5000);
        assertThat(d.validation().size()).isEqualTo(1000);
        assertThat(d.test().size()).isEqualTo(10000);
        assertThat(d.provenance().seed()).isEqualTo(7);
        assertThat(d.provenance().drawing()).isEqualTo("blob");
        assertThat(d.provenance().drawingSha256()).isEqualTo(blob.sha256()).hasSize(64);
        // uniform pixels: the positive share of a large split is close to the drawn share
        assertThat(d.test().positiveShare()).isCloseTo(blob.positiveShare(), org.assertj.core.api.Assertions.within(0.015));
    }

    @Test
    void sample_binaryLabels_areZeroOrOne_softLabelsKeepEdges() {
        DataSplits binary = Sampler.sample(blob, SampleSizes.notebook(), 1, LabelMode.BINARY, 0);
        for (double y : binary.train().labels()) {
            assertThat(y).isIn(0.0, 1.0);
        }
        DataSplits soft = Sampler.sample(blob, SampleSizes.notebook(), 1, LabelMode.SOFT, 0);
        long edge = java.util.Arrays.stream(soft.test().labels()).filter(y -> y > 0 && y < 1).count();
        assertThat(edge).as("anti-aliased edge points").isPositive();
        // same pixels, only the labelling differs
        assertThat(soft.test().x1s()).isEqualTo(binary.test().x1s());
    }

    @Test
    void sample_noise_flipsExactlyThatShareOfTrainingLabelsOnly() {
        DataSplits clean = Sampler.sample(blob, SampleSizes.notebook(), 5, LabelMode.BINARY, 0);
        DataSplits noisy = Sampler.sample(blob, SampleSizes.notebook(), 5, LabelMode.BINARY, 0.1);
        int flipped = 0;
        for (int i = 0; i < clean.train().size(); i++) {
            flipped += clean.train().label(i) != noisy.train().label(i) ? 1 : 0;
        }
        assertThat(flipped).isEqualTo(500);
        assertThat(noisy.test()).isEqualTo(clean.test());
        assertThat(noisy.provenance().noise()).isEqualTo(0.1);
    }

    @Test
    void sample_emptyDrawing_refusedBeforeTraining() {
        Drawing empty = Drawing.of("empty.png", 16, 16, new float[256]);
        assertThatThrownBy(() -> Sampler.sample(empty, SampleSizes.notebook(), 0))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessage("drawing empty.png has no positive pixels (nothing drawn): a one-class problem cannot be"
                        + " learned; draw the region of the positive class");
    }

    @Test
    void sample_fullDrawing_refused() {
        float[] full = new float[256];
        java.util.Arrays.fill(full, 1f);
        assertThatThrownBy(() -> Sampler.sample(Drawing.of("full.png", 16, 16, full), SampleSizes.notebook(), 0))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessageContaining("has no negative pixels");
    }

    @Test
    void sample_tinyRegion_splitWithoutPositive_refused() {
        float[] c = new float[256 * 256];
        c[128 * 256 + 128] = 1f; // one pixel of 65536
        Drawing dot = Drawing.of("dot.png", 256, 256, c);
        assertThatThrownBy(() -> Sampler.sample(dot, new SampleSizes(1000, 100, 100), 0))
                .isInstanceOf(InvalidDrawingException.class)
                .hasMessageStartingWith("the region of drawing dot.png is too small: the training set of 1000 points"
                        + " holds no positive point");
    }

    @Test
    void sample_noiseOutOfRange_refused() {
        assertThatThrownBy(() -> Sampler.sample(blob, SampleSizes.notebook(), 0, LabelMode.BINARY, 1.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("noise must be in [0, 1), got 1");
    }
}
