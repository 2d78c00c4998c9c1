package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What a queued page reads, at the edges of each wording: seconds under 5, seconds under 90, then minutes. */
final class QueuedMessageTest {

    @ParameterizedTest(name = "{0}, {1} s -> {2}")
    @CsvSource(delimiter = '|', value = {
            "1 | NaN | queued: next in the queue, waiting for a free trainer",
            "2 | NaN | queued: number 2 in the queue, waiting for a free trainer",
            "1 | 0 | queued: next in the queue, a few seconds",
            "2 | 4.49 | queued: number 2 in the queue, a few seconds",
            // rounded first: 4.5 s is 5 s
            "2 | 4.5 | queued: number 2 in the queue, about 5 s",
            "2 | 89.49 | queued: number 2 in the queue, about 89 s",
            "2 | 89.5 | queued: number 2 in the queue, about 2 min",
            "12 | 149 | queued: number 12 in the queue, about 2 min",
            "12 | 150 | queued: number 12 in the queue, about 3 min",
            "30 | 3600 | queued: number 30 in the queue, about 60 min"})
    void queuedMessage_placeAndWait(int place, double wait, String message) {
        assertThat(StudioSession.queuedMessage(place, wait)).isEqualTo(message);
    }
}
