package io.github.drawnet.studio;

import static io.github.drawnet.studio.StudioServer.ORPHAN_NANOS;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.studio.StudioServer.Reap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The housekeeper's round, with the clock passed in: which sessions go, and when pages are told. */
final class StudioReaperTest {

    static final long NOW = TimeUnit.HOURS.toNanos(5);
    static final long IDLE = TimeUnit.MINUTES.toNanos(30);

    @Test
    void reap_noPageForLongerThanTheOrphanTime_closes_trainingOrNot() {
        assertThat(StudioServer.reap(NOW, NOW - ORPHAN_NANOS - 1, 0, true, IDLE)).isEqualTo(Reap.ORPHANED);
        assertThat(StudioServer.reap(NOW, NOW - ORPHAN_NANOS - 1, 0, false, IDLE)).isEqualTo(Reap.ORPHANED);
        // just the orphan time: kept (a page reloading takes a moment)
        assertThat(StudioServer.reap(NOW, NOW - ORPHAN_NANOS, 0, true, IDLE)).isEqualTo(Reap.KEEP);
        // a page listens: never an orphan, however long
        assertThat(StudioServer.reap(NOW, NOW - 10 * ORPHAN_NANOS, 1, true, IDLE)).isEqualTo(Reap.KEEP);
        assertThat(ORPHAN_NANOS).isEqualTo(TimeUnit.SECONDS.toNanos(20));
    }

    @Test
    void reap_idleLongerThanAllowed_ends_unlessItsRunTrainsOrWaits() {
        assertThat(StudioServer.reap(NOW, NOW - IDLE - 1, 1, false, IDLE)).isEqualTo(Reap.IDLE);
        assertThat(StudioServer.reap(NOW, NOW - IDLE, 1, false, IDLE)).isEqualTo(Reap.KEEP);
        assertThat(StudioServer.reap(NOW, NOW - IDLE - 1, 1, true, IDLE)).isEqualTo(Reap.KEEP);
        // an idle time shorter than the orphan time: idle decides first for a page that listens
        long shortIdle = TimeUnit.SECONDS.toNanos(2);
        assertThat(StudioServer.reap(NOW, NOW - shortIdle - 1, 2, false, shortIdle)).isEqualTo(Reap.IDLE);
        // with no page and past both, the orphan rule names it (no page is there to be told)
        assertThat(StudioServer.reap(NOW, NOW - IDLE - 1, 0, false, IDLE)).isEqualTo(Reap.ORPHANED);
        // seen just now: kept
        assertThat(StudioServer.reap(NOW, NOW, 0, false, 0)).isEqualTo(Reap.KEEP);
    }

    @Test
    void beats_everyFifthSecondOfTheClock() {
        assertThat(StudioServer.beats(TimeUnit.SECONDS.toNanos(10))).isTrue();
        assertThat(StudioServer.beats(TimeUnit.SECONDS.toNanos(15) + 999_999_999)).isTrue();
        assertThat(StudioServer.beats(TimeUnit.SECONDS.toNanos(16))).isFalse();
        assertThat(StudioServer.beats(TimeUnit.SECONDS.toNanos(14) + 999_999_999)).isFalse();
        long beats = java.util.stream.LongStream.range(0, 100).filter(s -> StudioServer.beats(s * 1_000_000_000L)).count();
        assertThat(beats).isEqualTo(20);
    }

    @Test
    void describe_idleTimes_asAPageReadsThem() {
        assertThat(StudioServer.describe(TimeUnit.MINUTES.toMillis(30))).isEqualTo("30 minutes");
        assertThat(StudioServer.describe(60_000)).isEqualTo("1 minute");
        assertThat(StudioServer.describe(90_000)).isEqualTo("90.0 s");
        assertThat(StudioServer.describe(1_500)).isEqualTo("1.5 s");
        assertThat(StudioServer.describe(30_000)).isEqualTo("30.0 s");
    }
}
