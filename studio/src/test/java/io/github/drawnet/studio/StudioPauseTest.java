package io.github.drawnet.studio;

import static io.github.drawnet.studio.StudioSessionTest.REFERENCE;
import static io.github.drawnet.studio.StudioSessionTest.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import io.github.drawnet.viz.NotebookVisualizer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pause gives the trainer back: on a studio with one trainer, a paused run lets the next queued one
 * train, and Resume or Step puts it at the back of the queue, from where it trains on from its epoch.
 */
final class StudioPauseTest {

    /** Few points, so that an epoch is quick. */
    static final DataSplits DATA = Sampler.sample(Preset.HALF_PLANE.drawing(), new SampleSizes(200, 50, 50), 1);

    /**
     * The notebook's 5,000 training points, for the runs that must still be going when the test stops them
     * (5,000 epochs of 250 steps): on 200 points a quiet machine could finish 5,000 epochs inside the test's
     * window, and a run meant to hold the trainer would be done (seen in CI: the resumed page never read place 2).
     */
    static final DataSplits LONG = Sampler.sample(Preset.HALF_PLANE.drawing(), new SampleSizes(5000, 50, 50), 1);

    RunQueue queue;
    final List<StudioSession> sessions = new ArrayList<>();

    @BeforeEach
    void open() {
        queue = new RunQueue(1);
    }

    @AfterEach
    void close() {
        sessions.forEach(StudioSession::close);
        queue.close();
    }

    StudioSession session(String id) {
        StudioSession s = new StudioSession(id, "tok", queue, new NotebookVisualizer());
        sessions.add(s);
        return s;
    }

    void start(StudioSession s, int epochs) throws Exception {
        start(s, epochs, DATA);
    }

    /** Starts a run that outlasts the test: 5,000 epochs on 5,000 points, stopped by the test. */
    void startLong(StudioSession s) throws Exception {
        start(s, 5000, LONG);
    }

    void start(StudioSession s, int epochs, DataSplits data) throws Exception {
        s.start(REFERENCE, StudioSettings.from(new ObjectMapper().readTree("{\"backend\":\"reference\",\"epochs\":\""
                + epochs + "\",\"trainSize\":\"" + data.train().size() + "\",\"validationSize\":\"50\",\"testSize\":\"50\","
                + "\"batchSize\":\"20\"}"), "reference"), Preset.HALF_PLANE.drawing(), new byte[0], data);
    }

    @Test
    void pause_givesTheTrainerToTheQueuedRun_resumeWaitsBehindTheQueue_thenTrainsOnWithoutGapOrRepeat() throws Exception {
        StudioSession a = session("a");
        StudioSession b = session("b");
        StudioSession c = session("c");
        start(a, 1500);
        await(() -> a.state() == StudioSession.State.TRAINING && a.history().size() >= 1, "a to train");
        startLong(b);
        assertThat(b.state()).isEqualTo(StudioSession.State.QUEUED);
        assertThat(queue.waitingOwners()).containsExactly("b");

        a.pause();
        await(() -> b.state() == StudioSession.State.TRAINING, "b to get a's trainer");
        assertThat(a.state()).isEqualTo(StudioSession.State.PAUSED);
        int paused = a.history().size();
        assertThat(paused).isBetween(1, 1499);
        await(() -> b.history().size() >= 3, "b to train");
        assertThat(a.history().size()).as("a paused, b on the only trainer").isEqualTo(paused);
        assertThat(queue.training()).isEqualTo(1);

        startLong(c);
        a.resume();
        assertThat(a.state()).isEqualTo(StudioSession.State.QUEUED);
        assertThat(queue.waitingOwners()).as("a resumed run goes to the back").containsExactly("c", "a");

        b.stop();
        await(() -> c.state() == StudioSession.State.TRAINING, "c to train");
        assertThat(a.state()).isEqualTo(StudioSession.State.QUEUED);
        assertThat(queue.waitingOwners()).containsExactly("a");
        c.stop();
        await(() -> a.state() == StudioSession.State.DONE, "a to finish");

        assertThat(a.history().epochs().stream().map(EpochMetrics::epoch).toList())
                .as("numbered on from the pause, nothing left out or trained twice")
                .isEqualTo(IntStream.rangeClosed(1, 1500).boxed().toList());
        SavedModel model = SavedModel.parse(a.download("model.json"), "model.json");
        assertThat(model.history().size()).isEqualTo(1500);
        assertThat(model.config().epochs()).as("the epochs asked for, not those asked plus the rest").isEqualTo(1500);
    }

    @Test
    void step_ofAPausedRunWhileAnotherTrains_queuesItForOneEpoch() throws Exception {
        StudioSession a = session("a");
        StudioSession b = session("b");
        start(a, 1500);
        await(() -> a.history().size() >= 1, "a to train");
        a.pause();
        await(() -> a.state() == StudioSession.State.PAUSED, "a's pause");
        int paused = a.history().size();
        startLong(b);
        await(() -> b.state() == StudioSession.State.TRAINING, "b to train on the free trainer");

        a.step();
        assertThat(a.state()).isEqualTo(StudioSession.State.QUEUED);
        assertThat(queue.waitingOwners()).containsExactly("a");
        assertThat(a.history().size()).isEqualTo(paused);

        b.stop();
        await(() -> a.history().size() == paused + 1 && a.state() == StudioSession.State.PAUSED, "a's one epoch");
        Thread.sleep(200);
        assertThat(a.history().size()).as("paused again after one epoch").isEqualTo(paused + 1);
        assertThat(queue.idle()).as("the paused run holds no trainer").isTrue();

        a.resume();
        await(() -> a.state() == StudioSession.State.DONE, "a to finish");
        assertThat(a.history().size()).isEqualTo(1500);
    }

    @Test
    void pause_ofAQueuedRun_leavesTheQueue_andClosingAPausedRunFreesItAtOnce() throws Exception {
        StudioSession a = session("a");
        StudioSession b = session("b");
        startLong(a);
        await(() -> a.state() == StudioSession.State.TRAINING, "a to train");
        startLong(b);
        b.pause();
        assertThat(b.state()).isEqualTo(StudioSession.State.PAUSED);
        assertThat(queue.waiting()).isZero();
        assertThat(b.history().size()).isZero();
        b.close();
        assertThat(b.state()).isEqualTo(StudioSession.State.CLOSED);
        assertThat(b.released()).isTrue();

        a.pause();
        await(() -> a.state() == StudioSession.State.PAUSED, "a's pause");
        assertThat(queue.idle()).isTrue();
        a.close();
        assertThat(a.released()).as("nothing trains it: closing waits for nothing").isTrue();
        assertThat(queue.idle()).isTrue();
    }

    @Test
    void stop_ofAPausedRun_endsItAsAStoppedRun_whoseResultDownloads() throws Exception {
        StudioSession a = session("a");
        start(a, 5000);
        await(() -> a.history().size() >= 2, "a to train");
        a.pause();
        await(() -> a.state() == StudioSession.State.PAUSED, "a's pause");
        int paused = a.history().size();
        a.stop();
        assertThat(a.state()).isEqualTo(StudioSession.State.DONE);
        assertThat(SavedModel.parse(a.download("model.json"), "model.json").history().size()).isEqualTo(paused);

        a.continueTraining(3);
        await(() -> a.state() == StudioSession.State.DONE && a.history().size() == paused + 3, "the continuation");
    }

    @Test
    void resume_overHttp_thePagesSeeTheirPlaceBehindTheQueue_thenTheRunTrainsOnAndFinishes() throws Exception {
        try (StudioServer server = new StudioServer(io.github.drawnet.api.Backends.discover(), new NotebookVisualizer(),
                new StudioServer.Options("127.0.0.1", 0, 4, 1, 8).withWarmUp(false))) {
            String base = "http://127.0.0.1:" + server.start();
            String drawing = Classroom.blob();
            Classroom.Student a = new Classroom.Student(base);
            Classroom.Student b = new Classroom.Student(base);
            Classroom.Student c = new Classroom.Student(base);
            for (Classroom.Student s : List.of(a, b, c)) {
                s.listen();
            }
            String small = ",\"backend\":\"reference\",\"trainSize\":\"200\",\"validationSize\":\"50\","
                    + "\"testSize\":\"50\",\"batchSize\":\"20\"}";
            assertThat(a.start(drawing, "{\"epochs\":\"5000\"" + small)).isEqualTo(202); // not done before b starts
            assertThat(a.training.await(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String long_ = small.replace("\"trainSize\":\"200\"", "\"trainSize\":\"5000\""); // outlasts the test
            assertThat(b.start(drawing, "{\"epochs\":\"5000\"" + long_)).isEqualTo(202);
            assertThat(a.command("pause")).isEqualTo(202);
            assertThat(b.training.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("b gets a's trainer").isTrue();
            assertThat(c.start(drawing, "{\"epochs\":\"5000\"" + long_)).isEqualTo(202);
            assertThat(a.command("resume")).isEqualTo(202);
            StudioServerTest.await(() -> a.queued.stream().anyMatch(n -> n.get("position").asInt() == 2), 30,
                    "a's page to read its place behind c");
            assertThat(c.command("stop")).isEqualTo(202);
            StudioServerTest.await(() -> a.queued.stream().anyMatch(n -> n.get("position").asInt() == 1), 30,
                    "a's page to read it is next");
            assertThat(b.command("stop")).isEqualTo(202);
            assertThat(a.done.await(60, java.util.concurrent.TimeUnit.SECONDS)).as("a's run finishes").isTrue();
            StudioSession session = server.sessions().get(a.id);
            StudioServerTest.await(() -> session.state() == StudioSession.State.DONE, 30, "a's state");
            assertThat(session.history().size()).isEqualTo(5000);
            // the "done" status and the "done" event are two events: wait for the status too, then read a copy
            StudioServerTest.await(() -> a.states.contains("done"), 30, "a's page to read its state done");
            List<String> states = List.copyOf(a.states);
            int paused = states.indexOf("paused");
            assertThat(paused).isNotNegative();
            assertThat(states.subList(paused, states.size())).containsSubsequence("paused", "queued", "training",
                    "done");
        }
    }
}
