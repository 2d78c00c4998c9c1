package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import io.github.drawnet.viz.NotebookVisualizer;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A tab's session without the web server: its run on a worker thread (start, pause, resume, stop,
 * continue), what it refuses, its downloads, and what closing it releases. Trains on the plain-Java
 * backend, so it is quick.
 */
final class StudioSessionTest {

    static final Backend REFERENCE = Backends.discover().get("reference");
    static final DataSplits DATA = Sampler.sample(Preset.HALF_PLANE.drawing(), new SampleSizes(2000, 50, 50), 1);

    RunQueue workers;
    StudioSession session;

    @BeforeEach
    void open() {
        workers = new RunQueue(2);
        session = new StudioSession("0123456789abcdef", "tok", workers, new NotebookVisualizer());
    }

    @AfterEach
    void close() {
        session.close();
        workers.close();
    }

    static StudioSettings settings(String epochs) throws Exception {
        return StudioSettings.from(new ObjectMapper().readTree("{\"backend\":\"reference\",\"epochs\":\"" + epochs
                + "\",\"trainSize\":\"2000\",\"validationSize\":\"50\",\"testSize\":\"50\",\"batchSize\":\"20\"}"),
                "reference");
    }

    static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    @Test
    void start_runsToDone_thenContinueNumbersOn_downloadsTheResult() throws Exception {
        assertThat(session.state()).isEqualTo(StudioSession.State.IDLE);
        assertThatThrownBy(() -> session.download("model.json")).isInstanceOf(StudioException.class)
                .hasMessage("there is nothing to download yet; train first");
        assertThatThrownBy(() -> session.continueTraining(5))
                .hasMessage("there is no finished run to continue; start one first");
        byte[] png = {7};
        session.start(REFERENCE, settings("4"), Preset.HALF_PLANE.drawing(), png, DATA);
        await(() -> session.state() == StudioSession.State.DONE, "the run to finish");
        assertThat(session.history().size()).isEqualTo(4);
        assertThat(session.status(null).get("epochs").asInt()).isEqualTo(4);
        assertThat(session.status("x").get("state").asText()).isEqualTo("done");
        assertThat(session.download("drawing.png")).isSameAs(png);

        session.continueTraining(3);
        await(() -> session.state() == StudioSession.State.DONE && session.history().size() == 7, "the continuation");
        SavedModel model = SavedModel.parse(session.download("model.json"), "model.json");
        assertThat(model.history().size()).isEqualTo(7);
        assertThat(model.backendId()).isEqualTo("reference");
        assertThat(new String(session.download("points.csv"), StandardCharsets.UTF_8)).startsWith("x1,x2,label,split");
    }

    @Test
    void pauseResumeStop_andASecondStartWhileRunning_refused() throws Exception {
        session.start(REFERENCE, settings("5000"), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
        assertThatThrownBy(() -> session.start(REFERENCE, settings("3"), Preset.HALF_PLANE.drawing(), new byte[0], DATA))
                .isInstanceOfSatisfying(StudioException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessage("a run is already going on in this page; stop it first");
        session.pause();
        await(() -> session.state() == StudioSession.State.PAUSED, "the pause");
        int paused = session.history().size();
        Thread.sleep(200);
        assertThat(session.history().size()).isEqualTo(paused);
        session.resume();
        await(() -> session.history().size() > paused + 2, "training to go on");
        session.stop();
        await(() -> session.state() == StudioSession.State.DONE, "the stop");
        assertThat(session.history().size()).isLessThan(5000);
        // a new start after a stop is fine, and begins at epoch 1
        session.start(REFERENCE, settings("2"), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
        await(() -> session.state() == StudioSession.State.DONE && session.history().size() == 2, "the new run");
    }

    @Test
    void secondStart_setsThePreviousModelAsideUntilItsFirstMap_closeReleasesBoth() throws Exception {
        RunQueue one = new RunQueue(1);
        StudioSession s = new StudioSession("aaaabbbbccccdddd", "tok3", one, new NotebookVisualizer());
        try {
            s.start(REFERENCE, settings("1"), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
            await(() -> s.state() == StudioSession.State.DONE, "the first run");
            assertThat(s.hasRetired()).isFalse();
            java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(1);
            one.submit("busy", 1, () -> {   // the trainer is busy
                try {
                    gate.await(30, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, null);

            s.start(REFERENCE, settings("2"), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
            // the Start did not close the first run's model: that waits for the new run's first map
            assertThat(s.hasRetired()).isTrue();
            assertThat(s.released()).isFalse();
            gate.countDown();
            await(() -> s.state() == StudioSession.State.DONE && s.history().size() == 2, "the second run");
            assertThat(s.hasRetired()).isFalse();

            one.submit("busy", 1, () -> {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, null);
            s.start(REFERENCE, settings("2"), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
            s.close();   // while the third run waits: both its model and the one set aside are released
            assertThat(s.released()).isTrue();
        } finally {
            s.close();
            one.close();
        }
    }

    @Test
    void close_endsTheRun_releasesTheModel_refusesWhatFollows() throws Exception {
        session.start(REFERENCE, settings("5000"), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
        await(() -> session.state() == StudioSession.State.TRAINING, "training to start");
        session.close();
        assertThat(session.state()).isEqualTo(StudioSession.State.CLOSED);
        assertThat(session.released()).isTrue();
        assertThatThrownBy(() -> session.start(REFERENCE, settings("2"), Preset.HALF_PLANE.drawing(), new byte[0], DATA))
                .isInstanceOfSatisfying(StudioException.class, e -> assertThat(e.status()).isEqualTo(410))
                .hasMessage("this studio session has ended; reload the page");
        session.close(); // twice is fine
        assertThat(session.clientCount()).isZero();
    }

    @Test
    void step_pausedRunTrainsOneEpochAndPausesAgain_finishedRunOneMore_nothingToStepRefused() throws Exception {
        assertThatThrownBy(session::step).isInstanceOfSatisfying(StudioException.class, e -> assertThat(e.status())
                .isEqualTo(409)).hasMessage("there is no run to step; start one first");
        session.start(REFERENCE, settings("5000"), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
        await(() -> session.state() == StudioSession.State.TRAINING, "training to start");
        assertThatThrownBy(session::step).hasMessage("the run is training; pause it first, then step one epoch at a time");
        session.pause();
        await(() -> session.state() == StudioSession.State.PAUSED, "the pause");
        int paused = session.history().size();
        assertThat(session.isLive()).isTrue();
        assertThat(session.isTraining()).isFalse();
        session.step();
        await(() -> session.history().size() == paused + 1, "one epoch");
        Thread.sleep(300);
        assertThat(session.history().size()).as("paused again after one epoch").isEqualTo(paused + 1);
        assertThat(session.state()).isEqualTo(StudioSession.State.PAUSED);
        session.step();
        session.step();
        await(() -> session.history().size() == paused + 3, "two more epochs");
        Thread.sleep(300);
        assertThat(session.history().size()).isEqualTo(paused + 3);
        session.stop();
        await(() -> session.state() == StudioSession.State.DONE, "the stop");
        int done = session.history().size();
        session.step();
        await(() -> session.state() == StudioSession.State.DONE && session.history().size() == done + 1, "a step on");
        assertThat(session.isLive()).isFalse();
    }

    @Test
    void load_savedModel_isAFinishedRunThatContinues() throws Exception {
        session.start(REFERENCE, settings("3"), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
        await(() -> session.state() == StudioSession.State.DONE, "the run");
        SavedModel saved = SavedModel.parse(session.download("model.json"), "model.json");
        StudioSession other = new StudioSession("fedcba9876543210", "tok2", workers, new NotebookVisualizer());
        try {
            other.load(saved, REFERENCE, new byte[] {1});
            assertThat(other.state()).isEqualTo(StudioSession.State.DONE);
            assertThat(other.history().size()).isEqualTo(3);
            assertThatThrownBy(() -> other.download("model.json")).hasMessage("there is nothing to download yet; train first");
            other.continueTraining(2);
            await(() -> other.state() == StudioSession.State.DONE && other.history().size() == 5, "the continuation");
            assertThat(SavedModel.parse(other.download("model.json"), "m").history().size()).isEqualTo(5);
            assertThat(other.tokenMatches("tok2")).isTrue();
            assertThat(other.tokenMatches("tok")).isFalse();
            assertThat(other.tokenMatches(null)).isFalse();
        } finally {
            other.close();
        }
    }
}
