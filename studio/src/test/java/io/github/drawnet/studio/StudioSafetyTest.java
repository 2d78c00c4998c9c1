package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.drawnet.api.Backends;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The studio against other web pages and clients: forged {@code Host} (DNS rebinding), foreign
 * {@code Origin}, non-JSON bodies, endless chunked bodies, other pages' sessions, too many runs, idle
 * sessions, and serving beyond this machine. Each refusal is checked together with the studio still
 * serving its own page.
 */
final class StudioSafetyTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final ObjectMapper JSON = new ObjectMapper();
    static StudioServer server;
    static int port;
    static String base;

    @BeforeAll
    static void start() {
        server = new StudioServer(Backends.discover(), new NotebookVisualizer(),
                new StudioServer.Options("127.0.0.1", 0, 40, 2, 16).withLimits(2, 1500));
        port = server.start();
        base = "http://127.0.0.1:" + port;
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** Sends {@code request} as written over a plain socket and returns the whole answer. */
    static String raw(int p, String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", p)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            socket.getOutputStream().flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    static HttpResponse<String> post(String path, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String error(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body()).get("error").asText();
    }

    /** Makes a session as the page does; returns {id, token}. */
    static String[] session() throws Exception {
        HttpResponse<String> r = post("/api/sessions", "{}", "Content-Type", "application/json",
                "Origin", "http://127.0.0.1:" + port);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode n = JSON.readTree(r.body());
        return new String[] {n.get("id").asText(), n.get("token").asText()};
    }

    static String blob() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(Preset.HALF_PLANE.image(), "png", out);
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static String longRun() throws Exception {
        return "{\"drawing\":\"" + blob() + "\",\"settings\":{\"backend\":\"reference\",\"epochs\":\"5000\","
                + "\"trainSize\":\"500\",\"validationSize\":\"50\",\"testSize\":\"50\",\"hidden\":\"2\"}}";
    }

    static void await(java.util.function.BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:%d", "rebind.attacker.test:%d", "127.0.0.1:1", "localhost", "127.0.0.2:%d",
        "localhost:%d.evil.example", ""})
    void forgedHost_refused_421_withoutThePage(String host) throws Exception {
        String answer = raw(port, "GET / HTTP/1.1\r\nHost: " + String.format(host, port) + "\r\nConnection: close\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 4");
        assertThat(answer).doesNotContain("<canvas").doesNotContain("Drawnet studio");
        if (host.contains(".evil.example") && host.startsWith("localhost:")) {
            // not even a host and port: Jetty refuses it before the studio sees it
            assertThat(answer).startsWith("HTTP/1.1 400");
        } else if (!host.isEmpty()) {
            assertThat(answer).startsWith("HTTP/1.1 421").contains("this studio answers only to 127.0.0.1, localhost, [::1]"
                    + " on port " + port);
        }
        // the studio keeps serving its own page, by every loopback name
        for (String own : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port)) {
            assertThat(raw(port, "GET / HTTP/1.1\r\nHost: " + own + "\r\nConnection: close\r\n\r\n"))
                    .as(own).startsWith("HTTP/1.1 200").contains("<canvas id=\"canvas\"");
        }
    }

    @Test
    void forgedHost_apiRefusedToo_noSessionMade() throws Exception {
        int before = server.sessions().size();
        String answer = raw(port, "POST /api/sessions HTTP/1.1\r\nHost: evil.example:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(answer).startsWith("HTTP/1.1 421");
        assertThat(server.sessions()).hasSize(before);
        assertThat(raw(port, "GET /api/info HTTP/1.1\r\nHost: evil.example:" + port + "\r\nConnection: close\r\n\r\n"))
                .startsWith("HTTP/1.1 421").doesNotContain("defaultBackend");
    }

    @Test
    void foreignOrigin_refused_403_sameOriginAccepted() throws Exception {
        int before = server.sessions().size();
        for (String origin : List.of("http://evil.example", "null", "http://127.0.0.1:" + (port + 1),
                "https://127.0.0.1:" + port)) {
            HttpResponse<String> r = post("/api/sessions", "{}", "Content-Type", "application/json", "Origin", origin);
            assertThat(r.statusCode()).as(origin).isEqualTo(403);
            assertThat(error(r)).isEqualTo("requests from other web pages are refused (origin '" + origin + "')");
        }
        assertThat(server.sessions()).hasSize(before);
        String[] s = session();
        assertThat(server.sessions()).containsKey(s[0]);
        // a foreign page cannot start a run on an existing session either, even knowing its id and token
        HttpResponse<String> start = post("/api/sessions/" + s[0] + "/start", longRun(), "Content-Type", "application/json",
                "Origin", "http://evil.example", StudioGuard.TOKEN_HEADER, s[1]);
        assertThat(start.statusCode()).isEqualTo(403);
        assertThat(server.sessions().get(s[0]).state()).isEqualTo(StudioSession.State.IDLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "text/plain; charset=application/json"})
    void nonJsonBody_refused_415_noRunStarted(String type) throws Exception {
        String[] s = session();
        HttpResponse<String> r = post("/api/sessions/" + s[0] + "/start", longRun(), "Content-Type", type,
                StudioGuard.TOKEN_HEADER, s[1]);
        assertThat(r.statusCode()).isEqualTo(415);
        assertThat(error(r)).isEqualTo("the studio accepts only application/json requests, got '" + type + "'");
        assertThat(server.sessions().get(s[0]).state()).isEqualTo(StudioSession.State.IDLE);
        HttpResponse<String> none = post("/api/sessions", "{}");
        assertThat(none.statusCode()).isEqualTo(415);
        assertThat(error(none)).isEqualTo("the studio accepts only application/json requests, got no content type");
    }

    @Test
    void endlessChunkedBody_413_readNoFurther_andTheStudioKeepsServing() throws Exception {
        String[] s = session();
        AtomicLong sent = new AtomicLong();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/sessions/" + s[0] + "/start HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\n" + StudioGuard.TOKEN_HEADER + ": " + s[1]
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            byte[] chunk = ("10000\r\n" + "A".repeat(0x10000) + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
            Thread writer = new Thread(() -> {
                try {
                    // endless, as far as the server can tell: up to 512 MiB unless the server stops reading
                    while (sent.get() < 512L * 1024 * 1024) {
                        out.write(chunk);
                        sent.addAndGet(0x10000);
                    }
                } catch (java.io.IOException e) {
                    // the server closed the connection: what should happen
                }
            });
            writer.setDaemon(true);
            writer.start();
            byte[] head = new byte[12];
            int n = socket.getInputStream().readNBytes(head, 0, 12);
            assertThat(new String(head, 0, n, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 413");
            // the refused start started nothing (asked now: the class's studio reclaims a page idle for 1.5 s,
            // which a slow machine reaches while the writer below winds down)
            assertThat(server.sessions().get(s[0]).state()).isEqualTo(StudioSession.State.IDLE);
            writer.join(20_000);
            assertThat(writer.isAlive()).as("the server stopped reading the body").isFalse();
        }
        assertThat(sent.get()).isLessThan(64L * 1024 * 1024);
        assertThat(server.queue().waitingOwners()).doesNotContain(s[0]);
        assertThat(get("/").statusCode()).isEqualTo(200);
        assertThat(get("/api/info").statusCode()).isEqualTo(200);
    }

    @Test
    void chunkedBodyJustOverTheCap_413_underItRead() throws Exception {
        String[] s = session();
        String over = "A".repeat((int) StudioServer.MAX_BODY + 1);
        String answer = raw(port, "POST /api/sessions/" + s[0] + "/continue HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\n" + StudioGuard.TOKEN_HEADER + ": " + s[1]
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(over.length()) + "\r\n"
                + over + "\r\n0\r\n\r\n");
        assertThat(answer).startsWith("HTTP/1.1 413").contains("request too large: at most 4 MiB");
        String small = "{\"epochs\":3}";
        String ok = raw(port, "POST /api/sessions/" + s[0] + "/continue HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\n" + StudioGuard.TOKEN_HEADER + ": " + s[1]
                + "\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + Integer.toHexString(small.length()) + "\r\n"
                + small + "\r\n0\r\n\r\n");
        // read whole and understood: there is no finished run to continue yet
        assertThat(ok).startsWith("HTTP/1.1 409").contains("there is no finished run to continue; start one first");
    }

    @Test
    void bodyOfExactlyTheCap_read_declaredOrChunked_oneByteMore_413WithTheHeadersAndClosed() throws Exception {
        String[] s = session();
        // a JSON string of exactly MAX_BODY bytes: read whole, then refused for what it says (not its size)
        String exact = "\"" + "A".repeat((int) StudioServer.MAX_BODY - 2) + "\"";
        String head = "POST /api/sessions/" + s[0] + "/continue HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\n" + StudioGuard.TOKEN_HEADER + ": " + s[1]
                + "\r\nConnection: close\r\n";
        String declared = raw(port, head + "Content-Length: " + exact.length() + "\r\n\r\n" + exact);
        String chunked = raw(port, head + "Transfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(exact.length())
                + "\r\n" + exact + "\r\n0\r\n\r\n");
        for (String answer : List.of(declared, chunked)) {
            assertThat(answer).doesNotStartWith("HTTP/1.1 413").startsWith("HTTP/1.1 4");
        }
        // one byte more, declared: refused on the declared length, with every header a refusal carries (the
        // first byte goes too: Jetty hands a request with a body to the studio once some of it has come)
        String refused = raw(port, head + "Content-Length: " + (exact.length() + 1) + "\r\n\r\n\"");
        String headers = refused.substring(0, refused.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
        assertThat(refused).startsWith("HTTP/1.1 413").endsWith("{\"error\":\"request too large: at most 4 MiB\"}");
        assertThat(headers).contains("\r\nconnection: close").contains("\r\ncontent-type: application/json")
                .contains("\r\ncontent-security-policy: default-src 'self'").contains("\r\nx-frame-options: deny")
                .contains("\r\ncache-control: no-store");
    }

    @Test
    void cacheControl_noStoreOnTheApi_thePageItselfCacheable() throws Exception {
        assertThat(get("/api/info").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(get("/api/nothing").headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(get("/studio.css").headers().firstValue("Cache-Control")).isNotEqualTo(java.util.Optional.of("no-store"));
        assertThat(get("/").headers().firstValue("Cache-Control")).isNotEqualTo(java.util.Optional.of("no-store"));
    }

    @Test
    void securityHeaders_onEveryResponse_pagesErrorsAndRefusals() throws Exception {
        for (String path : List.of("/", "/studio.js", "/studio.css", "/api/info", "/api/nothing", "/api/presets/ring.png")) {
            HttpResponse<String> r = get(path);
            assertThat(r.headers().firstValue("Content-Security-Policy")).as(path)
                    .hasValue("default-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'; "
                            + "form-action 'self'; frame-ancestors 'none'");
            assertThat(r.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
        }
        String refused = raw(port, "GET / HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n");
        assertThat(refused).containsIgnoringCase("X-Frame-Options: DENY").containsIgnoringCase("Content-Security-Policy:");
        // the page itself has no inline script or style for the policy to refuse
        String page = get("/").body();
        assertThat(page).doesNotContain("<script>").doesNotContain("<style").doesNotContainPattern(" on[a-z]+=")
                .doesNotContain("style=");
    }

    @Test
    void malformedJson_oneLineWithoutParserInternals() throws Exception {
        String[] s = session();
        HttpResponse<String> r = post("/api/sessions/" + s[0] + "/start", "{\"drawing\": [1, 2", "Content-Type",
                "application/json", StudioGuard.TOKEN_HEADER, s[1]);
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(error(r)).isEqualTo("the request is not valid JSON (line 1, column 18)");
        assertThat(r.body()).doesNotContain("Unexpected").doesNotContain("jackson").doesNotContain("Source:");
    }

    @Test
    void sessionToken_anotherPagesSessionRefused() throws Exception {
        String[] mine = session();
        String[] other = session();
        for (String token : new String[] {null, "", other[1], mine[1] + "x"}) {
            String[] headers = token == null ? new String[] {"Content-Type", "application/json"}
                    : new String[] {"Content-Type", "application/json", StudioGuard.TOKEN_HEADER, token};
            HttpResponse<String> r = post("/api/sessions/" + mine[0] + "/start", longRun(), headers);
            assertThat(r.statusCode()).as(String.valueOf(token)).isEqualTo(403);
            assertThat(error(r)).isEqualTo("this studio session belongs to another page");
            assertThat(post("/api/sessions/" + mine[0] + "/close", "{}", headers).statusCode()).isEqualTo(403);
        }
        assertThat(server.sessions()).containsKey(mine[0]);
        assertThat(server.sessions().get(mine[0]).state()).isEqualTo(StudioSession.State.IDLE);
        assertThat(get("/api/sessions/" + mine[0] + "/download/model.json?token=" + other[1]).statusCode()).isEqualTo(403);
    }

    @Test
    void liveRuns_limited_andASlotFreesWhenOneStops() throws Exception {
        String[][] s = {session(), session(), session()};
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = post("/api/sessions/" + s[i][0] + "/start", longRun(), "Content-Type",
                    "application/json", StudioGuard.TOKEN_HEADER, s[i][1]);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(202);
        }
        try {
            HttpResponse<String> third = post("/api/sessions/" + s[2][0] + "/start", longRun(), "Content-Type",
                    "application/json", StudioGuard.TOKEN_HEADER, s[2][1]);
            assertThat(third.statusCode()).isEqualTo(503);
            assertThat(error(third)).isEqualTo("the studio is already training 2 runs, its limit; wait for one to "
                    + "finish, or stop one");
            assertThat(server.sessions().get(s[2][0]).state()).isEqualTo(StudioSession.State.IDLE);

            post("/api/sessions/" + s[0][0] + "/stop", "{}", "Content-Type", "application/json", StudioGuard.TOKEN_HEADER,
                    s[0][1]);
            await(() -> !server.sessions().get(s[0][0]).isLive(), 30, "the first run to stop");
            assertThat(post("/api/sessions/" + s[2][0] + "/start", longRun(), "Content-Type", "application/json",
                    StudioGuard.TOKEN_HEADER, s[2][1]).statusCode()).isEqualTo(202);
        } finally {
            for (String[] x : s) {
                post("/api/sessions/" + x[0] + "/close", "{}", "Content-Type", "application/json", StudioGuard.TOKEN_HEADER,
                        x[1]);
            }
        }
    }

    @Test
    void idleSession_reclaimed_afterTheIdleTime_andItsPageToldWhy() throws Exception {
        String[] s = session();
        StudioSession session = server.sessions().get(s[0]);
        StringBuffer seen = new StringBuffer();
        java.util.concurrent.CompletableFuture<HttpResponse<java.util.stream.Stream<String>>> stream = HTTP.sendAsync(
                HttpRequest.newBuilder(URI.create(base + "/api/sessions/" + s[0] + "/events?token=" + s[1]))
                        .header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofLines());
        Thread reader = new Thread(() -> {
            try {
                stream.get().body().forEach(line -> seen.append(line).append('\n'));
            } catch (Exception e) {
                // closed
            }
        });
        reader.setDaemon(true);
        reader.start();
        Thread.sleep(500);
        assertThat(server.sessions()).containsKey(s[0]);
        await(() -> !server.sessions().containsKey(s[0]), 10, "the idle session to be reclaimed");
        await(session::released, 10, "its resources to be released");
        await(() -> seen.indexOf("event: ended") >= 0, 10, "the page to be told, saw: " + seen);
        assertThat(seen.toString()).contains("this page was idle for 1.5 s and its session ended; reload the page to "
                + "start again");
        HttpResponse<String> r = post("/api/sessions/" + s[0] + "/start", longRun(), "Content-Type", "application/json",
                StudioGuard.TOKEN_HEADER, s[1]);
        assertThat(r.statusCode()).isEqualTo(404);
    }

    @Test
    void beyondLoopback_needsTheNames_andTheKeyFromItsLink() throws Exception {
        assertThatThrownBy(() -> new StudioServer.Options("0.0.0.0", 0, 4, 1, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("serving on 0.0.0.0 reaches beyond this machine: name the host names pages may use to reach "
                        + "it (--allow-host, like 192.168.1.20)");
        assertThatThrownBy(() -> new StudioServer.Options("127.0.0.1", 0, 4, 1, 8).withAllowedHosts(List.of("evil.example:80")))
                .hasMessage("allowed host must be a host name or address without port (like 192.168.1.20 or "
                        + "classroom.local), got 'evil.example:80'");
        try (StudioServer wide = new StudioServer(Backends.discover(), new NotebookVisualizer(),
                new StudioServer.Options("0.0.0.0", 0, 4, 1, 8, List.of("classroom.local"), 2, 60_000))) {
            int p = wide.start();
            List<String> links = wide.links();
            assertThat(links).hasSize(2);
            assertThat(links.get(0)).isEqualTo("http://127.0.0.1:" + p + "/");
            assertThat(links.get(1)).matches("http://classroom\\.local:" + p + "/\\?key=[A-Za-z0-9_-]{22}");
            String key = links.get(1).substring(links.get(1).indexOf("key=") + 4);
            String make = "POST /api/sessions HTTP/1.1\r\nHost: classroom.local:" + p
                    + "\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n";
            assertThat(raw(p, make + "\r\n{}")).startsWith("HTTP/1.1 403").contains("this studio needs the link with its key");
            assertThat(raw(p, make + StudioGuard.KEY_HEADER + ": wrong\r\n\r\n{}")).startsWith("HTTP/1.1 403");
            assertThat(raw(p, make + StudioGuard.KEY_HEADER + ": " + key + "\r\n\r\n{}")).startsWith("HTTP/1.1 201");
            assertThat(raw(p, "GET / HTTP/1.1\r\nHost: classroom.local:" + p + "\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 200");
            assertThat(raw(p, "GET / HTTP/1.1\r\nHost: other.local:" + p + "\r\nConnection: close\r\n\r\n"))
                    .startsWith("HTTP/1.1 421").contains("127.0.0.1, localhost, [::1], classroom.local");
        }
        // on loopback with a further name (behind a proxy, say): no key needed, none printed
        try (StudioServer local = new StudioServer(Backends.discover(), new NotebookVisualizer(),
                new StudioServer.Options("127.0.0.1", 0, 4, 1, 8, List.of("studio.local"), 2, 60_000))) {
            int p = local.start();
            assertThat(local.links()).containsExactly("http://127.0.0.1:" + p + "/", "http://studio.local:" + p + "/");
        }
    }
}
