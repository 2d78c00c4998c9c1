package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.api.Setting;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The studio's budget at its edges: 1 and the bound pass, 0 and the bound plus one are refused by name. */
final class StudioBudgetTest {

    static final String WHY = " (its budget for one page, so a page's run stays interactive; drawnet run allows up to ";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "EPOCHS | 1", "EPOCHS | 5000", "EPOCHS | ' 5000 '", "TRAIN_SIZE | 1", "TRAIN_SIZE | 100000",
            "VALIDATION_SIZE | 100000", "TEST_SIZE | 1",
            // not whole numbers: the library's parser judges them
            "EPOCHS | 12.5", "EPOCHS | many", "EPOCHS | NULL", "TRAIN_SIZE | 1e6",
            // settings the budget does not bound
            "NOISE | 7", "SEED | 99999999", "BATCH_SIZE | 1000000"})
    void check_withinTheBudget_orNotItsToJudge_passes(Setting setting, String text) {
        assertThatNoException().isThrownBy(() -> StudioBudget.check(setting, text));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "EPOCHS | 0 | epochs must be in [1, 5000] in the studio, got 0 | 100000",
            "EPOCHS | 5001 | epochs must be in [1, 5000] in the studio, got 5001 | 100000",
            "EPOCHS | ' 6000 ' | epochs must be in [1, 5000] in the studio, got 6000 | 100000",
            "TRAIN_SIZE | 100001 | training set size must be in [1, 100000] in the studio, got 100001 | 1000000",
            "TRAIN_SIZE | 0 | training set size must be in [1, 100000] in the studio, got 0 | 1000000"})
    void check_beyondTheBudget_refusedNamingTheSetting(Setting setting, String text, String message, long library) {
        assertThatThrownBy(() -> StudioBudget.check(setting, text)).isInstanceOfSatisfying(InvalidSettingException.class,
                e -> assertThat(e.setting()).isEqualTo(setting)).hasMessage(message + WHY + library + ")");
    }

    @Test
    void continueEpochs_oneToTheBound() {
        assertThat(StudioBudget.continueEpochs(1, "1")).isEqualTo(1);
        assertThat(StudioBudget.continueEpochs(5000, "5000")).isEqualTo(5000);
        for (int bad : new int[] {0, -3, 5001}) {
            assertThatThrownBy(() -> StudioBudget.continueEpochs(bad, "sent " + bad))
                    .isInstanceOfSatisfying(StudioException.class, e -> assertThat(e.status()).isEqualTo(400))
                    .hasMessage("epochs must be in [1, 5000] in the studio, got sent " + bad + WHY + "100000)");
        }
    }

    @Test
    void pixels_upTo1024By1024() {
        assertThatNoException().isThrownBy(() -> StudioBudget.pixels("drawing a.png", 1024, 1024));
        assertThatNoException().isThrownBy(() -> StudioBudget.pixels("drawing a.png", 4096, 256));
        assertThatThrownBy(() -> StudioBudget.pixels("drawing a.png", 1025, 1024))
                .isInstanceOfSatisfying(StudioException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("drawing a.png is 1025 x 1024 = 1049600 pixels; at most 1048576 (1024 x 1024) "
                        + "are allowed in the studio (its budget for one page");
    }

    @Test
    void decode_refusesATooLargeDrawingFromItsHeader_readsOneWithin() throws Exception {
        assertThatThrownBy(() -> StudioBudget.decode(png(2048, 1024), "big.png"))
                .isInstanceOfSatisfying(StudioException.class, e -> assertThat(e.status()).isEqualTo(400))
                .hasMessageStartingWith("drawing big.png is 2048 x 1024 = 2097152 pixels");
        BufferedImage ok = StudioBudget.decode(png(64, 32), "small.png");
        assertThat(ok.getWidth()).isEqualTo(64);
        assertThat(ok.getHeight()).isEqualTo(32);
    }

    static byte[] png(int width, int height) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB), "png", out);
        return out.toByteArray();
    }
}
