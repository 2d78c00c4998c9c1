package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Damaged model files give a model or an {@link InvalidModelFileException}, never anything else. */
final class SavedModelFuzzTest {

    @Test
    void parse_flippedBitsAndTruncations_onlyDocumentedOutcomes() throws Exception {
        byte[] good = new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsBytes(SavedModelTest.sample(SavedModelTest.awkward()).toJson());
        SplittableRandom random = new SplittableRandom(7);
        int refused = 0;
        for (int k = 0; k < 400; k++) {
            byte[] bad;
            if (k % 4 == 0) {
                bad = Arrays.copyOf(good, random.nextInt(good.length));
            } else {
                bad = good.clone();
                int flips = 1 + random.nextInt(6);
                for (int f = 0; f < flips; f++) {
                    int at = random.nextInt(bad.length);
                    bad[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            try {
                SavedModel s = SavedModel.parse(bad, "fuzz-" + k + ".json");
                assertThat(s.parameters().fits(s.spec())).isTrue();
            } catch (InvalidModelFileException e) {
                refused++;
                assertThat(e.getMessage()).startsWith("model file fuzz-" + k + ".json ").doesNotContain("\n");
            }
        }
        assertThat(refused).isGreaterThanOrEqualTo(100);
        assertThat(new String(good, StandardCharsets.UTF_8)).contains("\"format\":\"drawnet-model\"");
    }
}
