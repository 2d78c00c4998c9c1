package io.github.drawnet.studio;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.sampling.Preset;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

/**
 * Simulated students on the studio's HTTP interface, as the page drives it: a session, its event
 * stream (read on a thread of its own), a Start, and the tab's closing (the stream dropped, the close
 * beacon sent). Shared by the load test and the load benchmark.
 */
final class Classroom {

    static final ObjectMapper JSON = new ObjectMapper();
    /** HTTP/1.1, so that closing a stream's body closes its connection, as a closed tab does. */
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private Classroom() {
    }

    /** The default drawing (the blob) as the page sends it. */
    static String blob() throws Exception {
        return StudioServerTest.pngDataUrl(Preset.BLOB.image());
    }

    /** One browser tab. */
    static final class Student {
        final String base;
        final String id;
        final String token;
        final List<String> states = new CopyOnWriteArrayList<>();
        final List<JsonNode> queued = new CopyOnWriteArrayList<>();
        /**
         * Counted down when the run's end has reached the page whole: its results (the done event) and
         * then its status, which the studio sends after them.
         */
        final CountDownLatch done = new CountDownLatch(1);
        final CountDownLatch training = new CountDownLatch(1);
        volatile long startSent;
        volatile long trainingAt;
        volatile long doneAt;
        volatile int startStatus;
        private volatile InputStream stream;

        Student(String base) throws Exception {
            this.base = base;
            HttpResponse<String> r = post("/api/sessions", "");
            if (r.statusCode() != 201) {
                throw new IllegalStateException("no session: " + r.statusCode() + " " + r.body());
            }
            JsonNode n = JSON.readTree(r.body());
            id = n.get("id").asText();
            token = n.get("token").asText();
        }

        /** Opens the event stream and reads it on a daemon thread until it ends or is dropped. */
        void listen() throws Exception {
            HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + id
                    + "/events?token=" + token)).header("Accept", "text/event-stream").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            stream = r.body();
            Thread t = new Thread(this::read, "student-" + id.substring(0, 8));
            t.setDaemon(true);
            t.start();
        }

        private void read() {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                String event = null;
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    if (line.startsWith("event:")) {
                        event = line.substring(6).strip();
                    } else if (line.startsWith("data:") && event != null) {
                        on(event, line.substring(5).strip());
                    }
                }
            } catch (Exception e) {
                // the tab was closed, or the studio ended the stream
            }
        }

        private void on(String event, String data) throws Exception {
            if (event.equals("status")) {
                JsonNode n = JSON.readTree(data);
                String state = n.get("state").asText();
                states.add(state);
                if (state.equals("queued") && n.has("position")) {
                    queued.add(n);
                }
                if (state.equals("training") && trainingAt == 0 && startSent != 0) {
                    trainingAt = System.nanoTime();
                    training.countDown();
                }
                if (state.equals("done") && doneAt != 0) {
                    done.countDown();
                }
            } else if (event.equals("done")) {
                doneAt = System.nanoTime();
            }
        }

        /** Sends Start with the default drawing and {@code settings}; returns the answer's status. */
        int start(String drawing, String settings) throws Exception {
            startSent = System.nanoTime();
            startStatus = post("/api/sessions/" + id + "/start", StudioServerTest.startBody(drawing, settings))
                    .statusCode();
            return startStatus;
        }

        /** Drops the event stream, as a closed tab does. */
        void drop() throws Exception {
            stream.close();
        }

        /** Sends the close beacon the page sends on {@code pagehide}; returns the answer's status. */
        int beacon() throws Exception {
            return post("/api/sessions/" + id + "/close", "{}").statusCode();
        }

        /** Sends a run's command (pause, resume, step, stop); returns the answer's status. */
        int command(String name) throws Exception {
            return post("/api/sessions/" + id + "/" + name, "{}").statusCode();
        }

        /** Returns the seconds from Start to the run's reaching a trainer. */
        double waitSeconds() {
            return (trainingAt - startSent) / 1e9;
        }

        private HttpResponse<String> post(String path, String body) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                    .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
            if (token != null) {
                b.header(StudioGuard.TOKEN_HEADER, token);
            }
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }
}
