package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

final class BatchOrderTest {

    @ParameterizedTest(name = "{0} points in batches of {1}: {2} batches")
    @CsvSource({"48, 24, 2", "49, 24, 3", "24, 24, 1", "1, 24, 1", "23, 24, 1", "5000, 24, 209", "7, 1, 7"})
    void batchCount_lastBatchMayBePartial(int size, int batchSize, int expected) {
        assertThat(BatchOrder.batchCount(size, batchSize)).isEqualTo(expected);
    }

    @Test
    void forEpoch_config_usesItsSeedAndShuffleSwitch() {
        TrainingConfig config = TrainingConfig.notebook().withSeed(42);
        assertThat(BatchOrder.forEpoch(config, 2, 10)).containsExactly(BatchOrder.forEpoch(42, 2, 10, true));
        assertThat(BatchOrder.forEpoch(config.withShuffle(false), 2, 5)).containsExactly(0, 1, 2, 3, 4);
    }
}
