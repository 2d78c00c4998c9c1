package io.github.drawnet.studio;

import static io.github.drawnet.studio.StudioSessionTest.REFERENCE;
import static io.github.drawnet.studio.StudioSessionTest.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import io.github.drawnet.viz.NotebookVisualizer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A weight or bias typed into the network drawing: set exactly in the session's model, refused with
 * one line when it cannot be, and trained on from by Continue and Step with the optimizer's state kept.
 */
final class StudioWeightTest {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Few points, so that an epoch is quick. */
    static final DataSplits DATA = Sampler.sample(Preset.HALF_PLANE.drawing(), new SampleSizes(200, 50, 50), 1);
    static final String SETTINGS = "{\"backend\":\"reference\",\"epochs\":\"%d\",\"trainSize\":\"200\","
            + "\"validationSize\":\"50\",\"testSize\":\"50\",\"batchSize\":\"20\",\"hidden\":\"3,2\"}";

    RunQueue queue;
    StudioSession session;

    @BeforeEach
    void open() {
        queue = new RunQueue(1);
        session = new StudioSession("weights", "tok", queue, new NotebookVisualizer());
    }

    @AfterEach
    void close() {
        session.close();
        queue.close();
    }

    static StudioSettings settings(int epochs) throws Exception {
        return StudioSettings.from(JSON.readTree(String.format(SETTINGS, epochs)), "reference");
    }

    void trainDone(int epochs) throws Exception {
        session.start(REFERENCE, settings(epochs), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
        await(() -> session.state() == StudioSession.State.DONE, "the run to finish");
    }

    static WeightEdit edit(String json) throws Exception {
        return WeightEdit.from(JSON.readTree(json));
    }

    @Test
    void describe_namesTheWeightOrTheBias_forTheLog() throws Exception {
        assertThat(edit("{\"layer\":1,\"row\":2,\"col\":0,\"value\":1}").describe())
                .isEqualTo("weight from input 0 to unit 2 of layer 1");
        assertThat(edit("{\"layer\":0,\"bias\":3,\"value\":1}").describe()).isEqualTo("bias of unit 3 of layer 0");
    }

    @Test
    void setWeight_ofAFinishedRun_readsBackTheTypedValue_andNothingElseChanges() throws Exception {
        trainDone(3);
        Parameters before = session.parameters();
        assertThat(session.setWeight(edit("{\"layer\":1,\"row\":1,\"col\":2,\"value\":0.123}"))).isEqualTo(0.123f);
        Parameters after = session.parameters();
        assertThat(after.layer(1).weight(1, 2)).isEqualTo(0.123f);
        // every other value bit for bit as it was: put the old one back and the whole set is equal
        assertThat(edit("{\"layer\":1,\"row\":1,\"col\":2,\"value\":" + before.layer(1).weight(1, 2) + "}")
                .applyTo(after)).isEqualTo(before);

        assertThat(session.setWeight(edit("{\"layer\":2,\"bias\":0,\"value\":\"-7.5\"}"))).isEqualTo(-7.5f);
        assertThat(session.parameters().layer(2).bias(0)).isEqualTo(-7.5f);
        assertThat(session.parameters().layer(2).weights()).isEqualTo(before.layer(2).weights());
        // the finished run is measured again: its download holds the edited model
        SavedModel saved = SavedModel.parse(session.download("model.json"), "model.json");
        assertThat(saved.parameters().layer(2).bias(0)).isEqualTo(-7.5f);
        assertThat(saved.parameters().layer(1).weight(1, 2)).isEqualTo(0.123f);
    }

    @Test
    void continue_afterAnEdit_trainsFromTheEditedWeights_asTheSameNetworkTrainedOnFromThemDoes() throws Exception {
        trainDone(4);
        session.setWeight(edit("{\"layer\":0,\"row\":0,\"col\":1,\"value\":2.5}"));
        session.setWeight(edit("{\"layer\":0,\"bias\":2,\"value\":-1}"));
        Parameters edited = session.parameters();
        session.continueTraining(1);
        await(() -> session.state() == StudioSession.State.DONE && session.history().size() == 5, "the continuation");
        Parameters continued = session.parameters();

        // the same network, trained the same 4 epochs, then set to the edited values and trained 1 more:
        // the same numbers, bit for bit (the reference backend is deterministic; its optimizer state carries on)
        StudioSettings s = settings(4);
        try (Experiment twin = Experiment.start(REFERENCE, Preset.HALF_PLANE.drawing(), DATA,
                StudioSession.spec(s, DATA), s.settings().training());
                Experiment unedited = Experiment.start(REFERENCE, Preset.HALF_PLANE.drawing(), DATA,
                        StudioSession.spec(s, DATA), s.settings().training())) {
            twin.train(4, io.github.drawnet.api.TrainingListener.NONE);
            unedited.train(4, io.github.drawnet.api.TrainingListener.NONE);
            assertThat(twin.model().parameters()).as("the run up to the edit is the twin's")
                    .isEqualTo(edit("{\"layer\":0,\"bias\":2,\"value\":" + twin.model().parameters().layer(0).bias(2)
                            + "}").applyTo(edit("{\"layer\":0,\"row\":0,\"col\":1,\"value\":"
                            + twin.model().parameters().layer(0).weight(0, 1) + "}").applyTo(edited)));
            twin.model().setParameters(edited);
            twin.train(1, io.github.drawnet.api.TrainingListener.NONE);
            unedited.train(1, io.github.drawnet.api.TrainingListener.NONE);
            assertThat(continued).isEqualTo(twin.model().parameters());
            assertThat(continued.maxAbsDifference(unedited.model().parameters()))
                    .as("trained on from the edit, not from the weights before it").isGreaterThan(0.1);
        }
    }

    /**
     * On the native engines too: an edit goes into the arrays their trainers update (no copy of their own),
     * so the next epoch starts from it. Equal to the same network trained on from the edited values within
     * 1e-5 (float arithmetic on one CPU thread is repeatable; the bound only allows for a kernel that is
     * not), and far from the run without the edit.
     */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"djl", "dl4j"})
    @org.junit.jupiter.api.Tag("engine")
    void continue_afterAnEdit_onEachEngine_trainsFromTheEditedWeights(String id) throws Exception {
        io.github.drawnet.api.spi.Backend engine = Backends.discover().get(id);
        StudioSettings s = StudioSettings.from(JSON.readTree(String.format(SETTINGS, 3).replace("reference", id)), id);
        session.start(engine, s, Preset.HALF_PLANE.drawing(), new byte[0], DATA);
        await(() -> session.state() == StudioSession.State.DONE, "the run to finish");
        session.setWeight(edit("{\"layer\":0,\"row\":1,\"col\":0,\"value\":4}"));
        session.setWeight(edit("{\"layer\":2,\"bias\":0,\"value\":-2}"));
        Parameters edited = session.parameters();
        session.continueTraining(1);
        await(() -> session.state() == StudioSession.State.DONE && session.history().size() == 4, "the continuation");
        try (Experiment twin = Experiment.start(engine, Preset.HALF_PLANE.drawing(), DATA, StudioSession.spec(s, DATA),
                s.settings().training());
                Experiment unedited = Experiment.start(engine, Preset.HALF_PLANE.drawing(), DATA,
                        StudioSession.spec(s, DATA), s.settings().training())) {
            twin.train(3, io.github.drawnet.api.TrainingListener.NONE);
            unedited.train(3, io.github.drawnet.api.TrainingListener.NONE);
            twin.model().setParameters(edited);
            twin.train(1, io.github.drawnet.api.TrainingListener.NONE);
            unedited.train(1, io.github.drawnet.api.TrainingListener.NONE);
            assertThat(session.parameters().maxAbsDifference(twin.model().parameters())).isLessThan(1e-5);
            // initial weights are within 1/sqrt(fan-in) <= 0.71 and four epochs at rate 0.01 move them little:
            // the weight set to 4 stays more than 1 away from the unedited run's
            assertThat(session.parameters().maxAbsDifference(unedited.model().parameters())).isGreaterThan(1);
        }
    }

    @Test
    void setWeight_whilePaused_thenStep_trainsOnFromIt() throws Exception {
        session.start(REFERENCE, settings(5000), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
        await(() -> session.history().size() >= 1, "the run to train");
        session.pause();
        await(() -> session.state() == StudioSession.State.PAUSED, "the pause");
        int epochs = session.history().size();
        assertThat(session.setWeight(edit("{\"layer\":2,\"row\":0,\"col\":0,\"value\":-42}"))).isEqualTo(-42f);
        assertThat(session.state()).isEqualTo(StudioSession.State.PAUSED);
        session.step();
        await(() -> session.state() == StudioSession.State.PAUSED && session.history().size() == epochs + 1, "a step");
        // one epoch of small steps (rate 0.01) moves a weight by far less than 1: the step began at -42
        assertThat(session.parameters().layer(2).weight(0, 0)).isNotEqualTo(-42f).isBetween(-43f, -41f);
        session.stop();
    }

    @Test
    void setWeight_refused_whenThereIsNoRun_orItIsTraining() throws Exception {
        WeightEdit e = edit("{\"layer\":0,\"row\":0,\"col\":0,\"value\":1}");
        assertThatThrownBy(() -> session.setWeight(e)).isInstanceOf(StudioException.class)
                .hasMessage("weights can be set while a run is paused or finished, not while there is none; start one "
                        + "and pause it")
                .extracting(x -> ((StudioException) x).status()).isEqualTo(409);
        session.start(REFERENCE, settings(5000), Preset.HALF_PLANE.drawing(), new byte[0], DATA);
        await(() -> session.state() == StudioSession.State.TRAINING, "the run to train");
        assertThatThrownBy(() -> session.setWeight(e)).isInstanceOf(StudioException.class)
                .hasMessage("weights can be set while a run is paused or finished, not while it is training; pause it "
                        + "first");
        session.stop();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"layer\":0,\"row\":0,\"col\":0,\"value\":\"NaN\"}|a weight must be a number in [-100, 100], got 'NaN'",
        "{\"layer\":0,\"row\":0,\"col\":0,\"value\":\"Infinity\"}|a weight must be a number in [-100, 100], got 'Infinity'",
        "{\"layer\":0,\"row\":0,\"col\":0,\"value\":\"1f\"}|a weight must be a number in [-100, 100], got '1f'",
        "{\"layer\":0,\"row\":0,\"col\":0,\"value\":\"\"}|a weight must be a number in [-100, 100], got ''",
        "{\"layer\":0,\"row\":0,\"col\":0}|a weight must be a number in [-100, 100], got ''",
        "{\"layer\":0,\"row\":0,\"col\":0,\"value\":100.5}|a weight must be a number in [-100, 100], got '100.5'",
        "{\"layer\":0,\"row\":0,\"col\":0,\"value\":-1e3}|a weight must be a number in [-100, 100], got '-1000.0'",
        "{\"row\":0,\"col\":0,\"value\":1}|the weight to set needs \"layer\", a whole number from 0",
        "{\"layer\":-1,\"row\":0,\"col\":0,\"value\":1}|\"layer\" must be a whole number from 0, got -1",
        "{\"layer\":0.5,\"row\":0,\"col\":0,\"value\":1}|\"layer\" must be a whole number from 0, got 0.5",
        "{\"layer\":0,\"row\":\"1\",\"col\":0,\"value\":1}|\"row\" must be a whole number from 0, got \"1\"",
        "{\"layer\":0,\"bias\":0,\"row\":0,\"value\":1}|send either \"bias\" or \"row\" and \"col\", not both",
    })
    void from_refusesWithOneLineNamingTheValue(String body, String message) {
        assertThatThrownBy(() -> edit(body)).isInstanceOf(StudioException.class).hasMessage(message)
                .extracting(x -> ((StudioException) x).status()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100|100", "-100|-100", "\"  0.25 \"|0.25", "\"-.5\"|-0.5", "\"3e-2\"|0.03", "0|0"})
    void from_acceptsFiniteNumbersWithinTheRange(String value, double expected) throws Exception {
        assertThat(edit("{\"layer\":0,\"row\":0,\"col\":0,\"value\":" + value + "}").value()).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{\"layer\":3,\"row\":0,\"col\":0,\"value\":1}|layer 3 is beyond the network: its layers are 0 to 2",
        "{\"layer\":0,\"row\":3,\"col\":0,\"value\":1}|row 3 is beyond layer 0: its units are 0 to 2",
        "{\"layer\":0,\"row\":0,\"col\":2,\"value\":1}|col 2 is beyond layer 0: its inputs are 0 to 1",
        "{\"layer\":2,\"bias\":1,\"value\":1}|bias 1 is beyond layer 2: its units are 0 to 0",
    })
    void applyTo_refusesAnIndexBeyondTheNetwork(String body, String message) throws Exception {
        Parameters p = Parameters.initial(new io.github.drawnet.api.NetworkSpec(io.github.drawnet.api.Feature.NOTEBOOK, java.util.List.of(3, 2), io.github.drawnet.api.Activation.SIGMOID), 1);
        WeightEdit e = edit(body);
        assertThatThrownBy(() -> e.applyTo(p)).isInstanceOf(StudioException.class).hasMessage(message);
    }

    // ---- over HTTP, with every check of the studio's other commands ----

    @Test
    void overHttp_setWhilePaused_pagesGetTheNewWeightsAndMaps_refusalsAreOneLine() throws Exception {
        try (StudioServer server = new StudioServer(Backends.discover(), new NotebookVisualizer(),
                new StudioServer.Options("127.0.0.1", 0, 4, 1, 8).withWarmUp(false))) {
            String base = "http://127.0.0.1:" + server.start();
            Classroom.Student a = new Classroom.Student(base);
            Classroom.Student other = new Classroom.Student(base);
            Maps maps = new Maps(base, a);
            assertThat(a.start(Classroom.blob(), String.format(SETTINGS, 5000).replace("\"trainSize\":\"200\"",
                    "\"trainSize\":\"5000\""))).isEqualTo(202);
            StudioServerTest.await(() -> maps.count() >= 1, 60, "the first maps, after " + maps.events);
            String weight = "{\"layer\":0,\"row\":1,\"col\":0,\"value\":3.25}";
            HttpResponse<String> training = post(base, a.id, a.token, weight);
            assertThat(training.statusCode()).isEqualTo(409);
            assertThat(StudioServerTest.error(training)).isEqualTo("weights can be set while a run is paused or "
                    + "finished, not while it is training; pause it first");

            assertThat(a.command("pause")).isEqualTo(202);
            StudioSession s = server.sessions().get(a.id);
            StudioServerTest.await(() -> s.state() == StudioSession.State.PAUSED, 60, "the pause");
            int before = maps.count();
            HttpResponse<String> set = post(base, a.id, a.token, weight);
            assertThat(set.statusCode()).as(set.body()).isEqualTo(200);
            assertThat(JSON.readTree(set.body()).get("value").floatValue()).isEqualTo(3.25f);
            assertThat(s.parameters().layer(0).weight(1, 0)).isEqualTo(3.25f);
            // the pause's own maps may still be on their way: the edited network's come after them
            StudioServerTest.await(() -> maps.count() > before
                    && maps.last().get("layers").get(0).get("w").get(1).get(0).asDouble() == 3.25, 30,
                    "the maps of the edited network");
            assertThat(maps.last().get("epoch").asInt()).isEqualTo(s.history().size());

            HttpResponse<String> bias = post(base, a.id, a.token, "{\"layer\":2,\"bias\":0,\"value\":-0.5}");
            assertThat(bias.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(bias.body()).get("bias").asInt()).isZero();
            assertThat(s.parameters().layer(2).bias(0)).isEqualTo(-0.5f);

            Parameters kept = s.parameters();
            for (String[] bad : new String[][] {
                {"{\"layer\":0,\"row\":9,\"col\":0,\"value\":1}", "row 9 is beyond layer 0: its units are 0 to 2"},
                {"{\"layer\":0,\"row\":0,\"col\":0,\"value\":\"NaN\"}", "a weight must be a number in [-100, 100], got 'NaN'"},
                {"{\"layer\":0,\"row\":0,\"col\":0,\"value\":1e9}", "a weight must be a number in [-100, 100], got '1.0E9'"},
                {"{\"layer\":0,\"row\":0,\"col\":0,\"value\":", "the request is not valid JSON (line 1, column 36)"}}) {
                HttpResponse<String> r = post(base, a.id, a.token, bad[0]);
                assertThat(r.statusCode()).as(bad[0]).isEqualTo(400);
                assertThat(StudioServerTest.error(r)).isEqualTo(bad[1]);
            }
            // another page's token, a foreign page, a body that is not JSON: refused before anything is read
            assertThat(post(base, a.id, other.token, weight.replace("3.25", "9")).statusCode()).isEqualTo(403);
            assertThat(send(base, a.id, weight.replace("3.25", "9"), "Content-Type", "application/json",
                    StudioGuard.TOKEN_HEADER, a.token, "Origin", "http://evil.example").statusCode()).isEqualTo(403);
            assertThat(send(base, a.id, weight.replace("3.25", "9"), "Content-Type", "text/plain",
                    StudioGuard.TOKEN_HEADER, a.token).statusCode()).isEqualTo(415);
            assertThat(s.parameters()).as("no refused edit changed anything").isEqualTo(kept);
            assertThat(a.command("stop")).isEqualTo(202);
        }
    }

    static HttpResponse<String> post(String base, String id, String token, String body) throws Exception {
        return send(base, id, body, "Content-Type", "application/json", StudioGuard.TOKEN_HEADER, token);
    }

    static HttpResponse<String> send(String base, String id, String body, String... headers) throws Exception {
        return Classroom.HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id + "/weight"))
                .POST(HttpRequest.BodyPublishers.ofString(body)).headers(headers).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A page's event stream, keeping its {@code maps} events. */
    static final class Maps {
        private final java.util.List<JsonNode> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        /** Every event's name, in order, for a failure's message. */
        final java.util.List<String> events = new java.util.concurrent.CopyOnWriteArrayList<>();

        Maps(String base, Classroom.Student s) throws Exception {
            HttpResponse<java.io.InputStream> r = Classroom.HTTP.send(HttpRequest.newBuilder(URI.create(base
                    + "/api/sessions/" + s.id + "/events?token=" + s.token)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Thread t = new Thread(() -> read(r.body()), "maps-reader");
            t.setDaemon(true);
            t.start();
        }

        private void read(java.io.InputStream in) {
            try (java.io.BufferedReader b = new java.io.BufferedReader(new java.io.InputStreamReader(in,
                    java.nio.charset.StandardCharsets.UTF_8))) {
                String event = null;
                for (String line = b.readLine(); line != null; line = b.readLine()) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:")) {
                        events.add(event);
                    }
                    if (line.startsWith("data:") && "maps".equals(event)) {
                        seen.add(JSON.readTree(line.substring(5).strip()));
                    }
                }
            } catch (Exception e) {
                // the studio closed the stream
            }
        }

        int count() {
            return seen.size();
        }

        JsonNode last() {
            return seen.get(seen.size() - 1);
        }
    }
}
