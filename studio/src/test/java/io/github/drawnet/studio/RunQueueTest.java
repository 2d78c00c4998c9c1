package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The studio's one queue: first come first served, places told, leaving at once, waits estimated. */
final class RunQueueTest {

    @Test
    void runs_oneTrainer_servedInArrivalOrder_placesTold_cancelledOneNeverRuns() throws Exception {
        try (RunQueue q = new RunQueue(1)) {
            CountDownLatch gate = new CountDownLatch(1);
            List<String> ran = new CopyOnWriteArrayList<>();
            Map<String, Integer> places = new ConcurrentHashMap<>();
            q.submit("busy", 1, () -> await(gate), null);
            StudioServerTest.await(() -> q.training() == 1, 10, "the first run on the trainer");
            RunQueue.Ticket[] t = new RunQueue.Ticket[4];
            for (int i = 0; i < 4; i++) {
                String name = "r" + i;
                t[i] = q.submit(name, 10, () -> ran.add(name), (place, wait) -> places.put(name, place));
            }
            StudioServerTest.await(() -> places.size() == 4 && places.get("r3") == 4, 10, "the places");
            assertThat(q.waitingOwners()).containsExactly("r0", "r1", "r2", "r3");
            assertThat(q.position(t[2])).isEqualTo(3);

            assertThat(q.cancel(t[1])).isTrue();
            assertThat(t[1].finished()).isDone();
            assertThat(q.cancel(t[1])).isFalse();
            assertThat(q.waitingOwners()).containsExactly("r0", "r2", "r3");
            StudioServerTest.await(() -> places.get("r3") == 3, 10, "r3 to move up");
            assertThat(q.cancelledRuns()).isEqualTo(1);

            gate.countDown();
            assertThat(q.awaitIdle(10_000)).isTrue();
            assertThat(ran).containsExactly("r0", "r2", "r3");
            assertThat(q.finishedRuns()).isEqualTo(4);
            assertThat(q.idle()).isTrue();
        }
    }

    @Test
    void estimate_fromMeasuredRate_waitsBehindTheRunsAhead() throws Exception {
        try (RunQueue q = new RunQueue(1)) {
            // one run of 4 epochs at about 50 ms an epoch teaches the queue its rate
            RunQueue.Ticket[] first = new RunQueue.Ticket[1];
            first[0] = q.submit("a", 4, () -> {
                for (int e = 1; e <= 4; e++) {
                    sleep(50);
                    first[0].progress(e);
                }
            }, null);
            assertThat(q.awaitIdle(10_000)).isTrue();
            CountDownLatch gate = new CountDownLatch(1);
            q.submit("busy", 1, () -> await(gate), null);
            StudioServerTest.await(() -> q.training() == 1, 10, "the blocker on the trainer");
            Map<String, Double> waits = new ConcurrentHashMap<>();
            q.submit("b", 100, () -> { }, (place, wait) -> waits.put("b", wait));
            q.submit("c", 100, () -> { }, (place, wait) -> waits.put("c", wait));
            StudioServerTest.await(() -> waits.size() == 2, 10, "the estimates");
            // c waits for b's 100 epochs at the measured rate (0.05 s or more an epoch): 5 s or more beyond b
            assertThat(waits.get("c") - waits.get("b")).isGreaterThanOrEqualTo(4.9).isLessThan(60);
            gate.countDown();
            assertThat(q.awaitIdle(10_000)).isTrue();
        }
    }

    @Test
    void estimate_nothingMeasured_isNaN_andTheMessageSaysSo() throws Exception {
        try (RunQueue q = new RunQueue(1)) {
            CountDownLatch gate = new CountDownLatch(1);
            q.submit("busy", 1, () -> await(gate), null);
            StudioServerTest.await(() -> q.training() == 1, 10, "the blocker");
            double[] seen = {0};
            CountDownLatch told = new CountDownLatch(1);
            q.submit("b", 5, () -> { }, (place, wait) -> {
                seen[0] = wait;
                told.countDown();
            });
            assertThat(told.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(seen[0]).isNaN();
            gate.countDown();
        }
        assertThat(StudioSession.queuedMessage(1, Double.NaN)).isEqualTo("queued: next in the queue, waiting for a free trainer");
        assertThat(StudioSession.queuedMessage(3, 2)).isEqualTo("queued: number 3 in the queue, a few seconds");
        assertThat(StudioSession.queuedMessage(3, 42.4)).isEqualTo("queued: number 3 in the queue, about 42 s");
        assertThat(StudioSession.queuedMessage(9, 150)).isEqualTo("queued: number 9 in the queue, about 3 min");
    }

    @Test
    void submit_afterClose_refused_503() {
        RunQueue q = new RunQueue(1);
        q.close();
        assertThatThrownBy(() -> q.submit("x", 1, () -> { }, null)).isInstanceOfSatisfying(StudioException.class,
                e -> assertThat(e.status()).isEqualTo(503)).hasMessage("the studio is stopping");
        assertThatThrownBy(() -> new RunQueue(0)).hasMessageContaining("trainers");
    }

    static void await(CountDownLatch gate) {
        try {
            gate.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
