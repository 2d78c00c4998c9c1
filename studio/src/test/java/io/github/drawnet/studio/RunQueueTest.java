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

    @Test
    void estimate_eachTrainerFreesAtItsRunsOwnRate_waitingRunsGoToTheFirstFree() {
        // learned 0.5 s an epoch; trainer 1: 4 of 10 epochs in 8 s (its own 2 s an epoch: 12 s left);
        // trainer 2: no epoch yet after 3 s of 20 epochs (20 x 0.5 - 3 = 7 s left)
        List<RunQueue.Running> training = List.of(new RunQueue.Running(10, 4, 8), new RunQueue.Running(20, 0, 3));
        double[] waits = RunQueue.estimate(0.5, 2, training, new int[] {4, 6, 2, 1});
        // 7 (trainer 2, then free at 9), 9 (trainer 2, free at 12), 12 (trainer 1 or 2), 12 (the other)
        assertThat(waits).containsExactly(new double[] {7, 9, 12, 12}, org.assertj.core.data.Offset.offset(1e-9));
        // one trainer: the second run waits for the first one's 3 epochs as well
        assertThat(RunQueue.estimate(2, 1, List.of(new RunQueue.Running(5, 1, 4)), new int[] {3, 1}))
                .containsExactly(new double[] {16, 22}, org.assertj.core.data.Offset.offset(1e-9));
        // a run past its estimate is about to free its trainer, never less than 0 s away
        assertThat(RunQueue.estimate(0.5, 1, List.of(new RunQueue.Running(10, 0, 9)), new int[] {1}))
                .containsExactly(new double[] {0}, org.assertj.core.data.Offset.offset(1e-9));
        // an idle trainer takes the first waiting run at once
        assertThat(RunQueue.estimate(1, 3, List.of(new RunQueue.Running(4, 2, 2)), new int[] {10, 10, 10}))
                .containsExactly(new double[] {0, 0, 2}, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void estimate_nothingLearned_trainingRunsOwnRatesStandIn_noneYet_NaN() {
        // no finished run: the mean of the trainers' own rates (1 and 3 s an epoch: 2)
        List<RunQueue.Running> training = List.of(new RunQueue.Running(10, 5, 5), new RunQueue.Running(4, 2, 6));
        assertThat(RunQueue.estimate(Double.NaN, 2, training, new int[] {3, 1}))
                .containsExactly(new double[] {5, 6}, org.assertj.core.data.Offset.offset(1e-9));
        // a run with no epoch done tells nothing of the rate: unknown
        assertThat(RunQueue.estimate(Double.NaN, 2, List.of(new RunQueue.Running(10, 0, 30)), new int[] {1, 1}))
                .containsExactly(Double.NaN, Double.NaN);
        assertThat(RunQueue.estimate(Double.NaN, 1, List.of(), new int[] {})).isEmpty();
    }

    @Test
    void learn_runningMean_newRunWeighsThreeTenths_aRunWithoutAnEpochTeachesNothing() {
        assertThat(RunQueue.learn(Double.NaN, 4, 2)).isEqualTo(0.5);
        assertThat(RunQueue.learn(1.0, 2, 4)).isCloseTo(0.7 * 1.0 + 0.3 * 2.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(RunQueue.learn(1.0, 0, 4)).isEqualTo(1.0);
        assertThat(RunQueue.learn(Double.NaN, 0, 4)).isNaN();
    }

    @Test
    void queue_countsAndStates_whileARunTrainsAndOthersWait_theTrainersNamed() throws Exception {
        try (RunQueue q = new RunQueue(2)) {
            assertThat(q.trainerCount()).isEqualTo(2);
            CountDownLatch gate = new CountDownLatch(1);
            List<String> names = new CopyOnWriteArrayList<>();
            for (int i = 0; i < 2; i++) {
                q.submit("busy" + i, 1, () -> {
                    names.add(Thread.currentThread().getName());
                    await(gate);
                }, null);
            }
            // a trainer counts as training before its run's body starts: wait for both bodies to say their names
            StudioServerTest.await(() -> q.training() == 2 && names.size() == 2, 10, "both trainers busy");
            assertThat(names).containsExactlyInAnyOrder("drawnet-studio-trainer-1", "drawnet-studio-trainer-2");
            RunQueue.Ticket waiting = q.submit("w", 1, () -> { }, null);
            q.submit("w2", 1, () -> { }, null);
            assertThat(q.idle()).isFalse();
            assertThat(q.waiting()).isEqualTo(2);
            assertThat(q.position(waiting)).isEqualTo(1);
            // not idle within 50 ms: says so after about that long
            assertThat(q.awaitIdle(50)).isFalse();
            gate.countDown();
            assertThat(q.awaitIdle(10_000)).isTrue();
            assertThat(q.position(waiting)).isZero();
            assertThat(q.waiting()).isZero();
        }
    }

    @Test
    void cancel_aRunAlreadyTraining_leavesItToFinish_countsNoCancel() throws Exception {
        try (RunQueue q = new RunQueue(1)) {
            CountDownLatch gate = new CountDownLatch(1);
            RunQueue.Ticket t = q.submit("busy", 1, () -> await(gate), null);
            StudioServerTest.await(() -> q.training() == 1, 10, "the run on the trainer");
            assertThat(q.cancel(t)).isFalse();
            assertThat(t.finished()).isNotDone();
            assertThat(q.cancelledRuns()).isZero();
            gate.countDown();
            t.finished().get(10, TimeUnit.SECONDS);
            assertThat(q.finishedRuns()).isEqualTo(1);
        }
    }

    @Test
    void placesRetold_whenTheNextRunTakesAFreedTrainer() throws Exception {
        try (RunQueue q = new RunQueue(1)) {
            CountDownLatch first = new CountDownLatch(1);
            CountDownLatch second = new CountDownLatch(1);
            Map<String, Integer> places = new ConcurrentHashMap<>();
            q.submit("busy", 1, () -> await(first), null);
            StudioServerTest.await(() -> q.training() == 1, 10, "the first run on the trainer");
            q.submit("a", 1, () -> await(second), (place, wait) -> places.put("a", place));
            q.submit("b", 1, () -> { }, (place, wait) -> places.put("b", place));
            StudioServerTest.await(() -> Integer.valueOf(2).equals(places.get("b")), 10, "b second");
            first.countDown();
            // a takes the trainer: b is told it is next, while a still trains
            StudioServerTest.await(() -> Integer.valueOf(1).equals(places.get("b")), 10, "b told it is next");
            assertThat(q.training()).isEqualTo(1);
            second.countDown();
            assertThat(q.awaitIdle(10_000)).isTrue();
        }
    }

    @Test
    void close_dropsTheWaitingRuns_interruptsTheTrainingOne_trainersEnd() throws Exception {
        RunQueue q = new RunQueue(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        RunQueue.Ticket busy = q.submit("busy", 1, () -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                interrupted.countDown();
            }
        }, null);
        StudioServerTest.await(() -> q.training() == 1, 10, "the run on the trainer");
        RunQueue.Ticket dropped = q.submit("dropped", 1, () -> { }, null);
        q.close();
        assertThat(dropped.finished()).isDone();
        assertThat(q.waiting()).isZero();
        assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
        busy.finished().get(10, TimeUnit.SECONDS);
        assertThat(q.awaitTrainersEnded(10_000)).isTrue();
        assertThat(q.finishedRuns()).isEqualTo(1);
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
