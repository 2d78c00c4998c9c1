package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.NotebookVisualizer;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The per-client cap of a studio serving beyond this machine, against a client that opens sessions in
 * a loop: it gets its share and a clear refusal, the others still get theirs, and pages on this
 * machine are not counted. Needs an address of this machine besides loopback (skipped without one).
 */
final class StudioClientCapTest {

    static Optional<String> lanAddress() throws Exception {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress a : Collections.list(nic.getInetAddresses())) {
                if (a instanceof Inet4Address && !a.isLoopbackAddress()) {
                    return Optional.of(a.getHostAddress());
                }
            }
        }
        return Optional.empty();
    }

    static HttpResponse<String> post(String url, String key, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json").header(StudioGuard.KEY_HEADER, key);
        if (token != null) {
            b.header(StudioGuard.TOKEN_HEADER, token);
        }
        return Classroom.HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void sessions_loopingClientBeyondLoopback_cappedAt3_withReason_othersServed_closingFreesOne() throws Exception {
        Optional<String> lan = lanAddress();
        Assumptions.assumeTrue(lan.isPresent(), "this machine has no address besides loopback");
        String address = lan.get();
        try (StudioServer server = new StudioServer(Backends.discover(), new NotebookVisualizer(),
                new StudioServer.Options("0.0.0.0", 0, 20, 1, 16, List.of(address), 20, 60_000, false)
                        .withPerClient(3))) {
            int port = server.start();
            String link = server.links().get(1);
            String key = link.substring(link.indexOf("?key=") + 5);
            String remote = "http://" + address + ":" + port;
            List<JsonNode> mine = new ArrayList<>();
            HttpResponse<String> r;
            do {
                r = post(remote + "/api/sessions", key, null);
                if (r.statusCode() == 201) {
                    mine.add(Classroom.JSON.readTree(r.body()));
                }
            } while (r.statusCode() == 201 && mine.size() < 10);
            assertThat(mine).hasSize(3);
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(StudioServerTest.JSON.readTree(r.body()).get("error").asText()).isEqualTo("this computer "
                    + "already has 3 studio tabs open, the most one computer may have; close one");
            // the person at the studio's own machine is not counted
            assertThat(post("http://127.0.0.1:" + port + "/api/sessions", key, null).statusCode()).isEqualTo(201);

            JsonNode first = mine.get(0);
            assertThat(post(remote + "/api/sessions/" + first.get("id").asText() + "/close", key,
                    first.get("token").asText()).statusCode()).isEqualTo(204);
            assertThat(post(remote + "/api/sessions", key, null).statusCode()).isEqualTo(201);
            assertThat(post(remote + "/api/sessions", key, null).statusCode()).isEqualTo(429);
            assertThat(server.sessions()).hasSize(4);
        }
    }
}
