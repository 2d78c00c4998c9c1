package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.spi.Backend;
import io.github.drawnet.api.BackendUnavailableException;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.Dataset;
import io.github.drawnet.api.Model;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.Trainer;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.viz.NotebookVisualizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The studio's engine warm-up: once per engine, in the background, waited for by an early Start, off on request. */
final class EngineWarmupTest {

    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    /** The reference backend under another name, counting the models and trainers made; may hold its first model back. */
    static final class Counting implements Backend {
        final Backend reference = Backends.discover().get("reference");
        final AtomicInteger models = new AtomicInteger();
        final AtomicInteger trainers = new AtomicInteger();
        final CountDownLatch firstModelMayGo;
        final boolean fails;

        Counting(boolean holdFirstModel, boolean fails) {
            this.firstModelMayGo = new CountDownLatch(holdFirstModel ? 1 : 0);
            this.fails = fails;
        }

        @Override
        public String id() {
            return "counting";
        }

        @Override
        public String displayName() {
            return "counting reference";
        }

        @Override
        public String engineVersion() {
            return reference.engineVersion();
        }

        @Override
        public Model newModel(NetworkSpec spec, Parameters initial) {
            if (models.incrementAndGet() == 1) {
                try {
                    firstModelMayGo.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            if (fails) {
                throw new BackendUnavailableException("counting", "Failed to load the counting engine", null);
            }
            return reference.newModel(spec, initial);
        }

        @Override
        public Trainer newTrainer(Model model, TrainingConfig config, Dataset train, Dataset validation) {
            trainers.incrementAndGet();
            return reference.newTrainer(model, config, train, validation);
        }
    }

    @Test
    void warm_twice_oneWarmupThatTrainsAndIsListedOnceDone() throws Exception {
        Counting backend = new Counting(false, false);
        EngineWarmup warmup = new EngineWarmup(new NotebookVisualizer());

        warmup.warm(backend);
        warmup.warm(backend);
        await(() -> !warmup.warm().isEmpty(), "the warm-up to end");

        assertThat(warmup.warm()).containsExactly("counting");
        assertThat(backend.models).hasValue(1);
        assertThat(backend.trainers).hasValue(1);
    }

    @Test
    void warm_engineFails_listedAsDone_nothingThrown() throws Exception {
        Counting backend = new Counting(false, true);
        EngineWarmup warmup = new EngineWarmup(new NotebookVisualizer());

        warmup.warm(backend);
        await(() -> !warmup.warm().isEmpty(), "the warm-up to end");
        warmup.startCame("counting", TimeUnit.MINUTES.toMillis(1));   // a Start after a failed warm-up goes on

        assertThat(warmup.warm()).containsExactly("counting");
        assertThat(backend.trainers).hasValue(0);
    }

    @Test
    void warm_afterClose_startsNothing() {
        Counting backend = new Counting(false, false);
        EngineWarmup warmup = new EngineWarmup(new NotebookVisualizer());

        warmup.close();
        warmup.warm(backend);
        warmup.startCame("counting", TimeUnit.MINUTES.toMillis(1));

        assertThat(warmup.warm()).isEmpty();
        assertThat(backend.models).hasValue(0);
    }

    @Test
    void studio_warmsItsPreferredEngineAtStart_andAnEarlyStartWaitsForItsEngineToLoad() throws Exception {
        Counting backend = new Counting(true, false);
        try (StudioServer studio = new StudioServer(Backends.of(backend), new NotebookVisualizer(),
                StudioServer.Options.local(0))) {
            String base = "http://127.0.0.1:" + studio.start();
            await(() -> backend.models.get() == 1, "the warm-up to make its model");
            assertThat(warmBackends(base)).isEmpty();   // under way, not done

            String[] session = session(base);
            CompletableFuture<HttpResponse<String>> start = HTTP.sendAsync(post(base, session, "start",
                    "{\"drawing\":\"" + StudioServerTest.pngDataUrl(Preset.BLOB.image()) + "\",\"settings\":{\"epochs\":\"1\","
                    + "\"backend\":\"counting\"}}"), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(300);
            // the Start waits for the warm-up to load the engine rather than load it beside it
            assertThat(start).isNotDone();
            assertThat(backend.models).hasValue(1);

            backend.firstModelMayGo.countDown();
            assertThat(start.get(60, TimeUnit.SECONDS).statusCode()).isEqualTo(202);
            assertThat(backend.models).hasValue(2);
            await(() -> {
                try {
                    return warmBackends(base).equals(List.of("counting"));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, "the warm-up to end");
        }
    }

    @Test
    void warmRequest_checkedLikeEveryRequest_andIdleWhenWarmupIsOff() throws Exception {
        Counting backend = new Counting(false, false);
        try (StudioServer studio = new StudioServer(Backends.of(backend), new NotebookVisualizer(),
                StudioServer.Options.local(0).withWarmUp(false))) {
            String base = "http://127.0.0.1:" + studio.start();
            String[] session = session(base);

            HttpResponse<String> unknown = HTTP.send(post(base, session, "warm", "{\"backend\":\"torch\"}"),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(unknown.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(unknown.body()).get("error").asText())
                    .isEqualTo("unknown backend 'torch'; available: counting");
            HttpResponse<String> stranger = HTTP.send(post(base, new String[] {session[0], "not-its-token"}, "warm",
                    "{\"backend\":\"counting\"}"), HttpResponse.BodyHandlers.ofString());
            assertThat(stranger.statusCode()).isEqualTo(403);

            assertThat(HTTP.send(post(base, session, "warm", "{\"backend\":\"counting\"}"),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
            // warm-up off: neither the studio's start nor the page's request warmed anything
            assertThat(warmBackends(base)).isEmpty();
            assertThat(backend.models).hasValue(0);
        }
    }

    private static List<String> warmBackends(String base) throws Exception {
        JsonNode info = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/info")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        return JSON.convertValue(info.get("warmBackends"), JSON.getTypeFactory().constructCollectionType(List.class,
                String.class));
    }

    /** Returns a new session's id and token. */
    private static String[] session(String base) throws Exception {
        JsonNode n = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions"))
                .POST(HttpRequest.BodyPublishers.ofString("")).header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString()).body());
        return new String[] {n.get("id").asText(), n.get("token").asText()};
    }

    private static HttpRequest post(String base, String[] session, String action, String body) {
        return HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + session[0] + "/" + action))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json")
                .header(StudioGuard.TOKEN_HEADER, session[1]).build();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
