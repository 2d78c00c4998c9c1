package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.NotebookVisualizer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The page's ES modules as a browser gets them: the page loads studio.js as a module, and every module it imports
 * (followed import by import) is served from this origin as {@code text/javascript} under headers that let a
 * browser run it: {@code nosniff} (which makes the type matter) and a policy whose scripts are this origin's.
 */
final class PageModulesTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Pattern IMPORT = Pattern.compile("^import\\s[^;]*?from\\s+'([^']+)';", Pattern.MULTILINE);

    static StudioServer server;
    static String base;

    @BeforeAll
    static void start() {
        server = new StudioServer(Backends.discover(), new NotebookVisualizer(),
                new StudioServer.Options("127.0.0.1", 0, 2, 1, 8));
        base = "http://127.0.0.1:" + server.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void page_loadsStudioJsAsAModule_andNoClassicScript() throws Exception {
        String page = get("/").body();
        assertThat(page).contains("<script type=\"module\" src=\"/studio.js\"></script>");
        assertThat(Pattern.compile("<script(?![^>]*type=\"module\")").matcher(page).find()).as("a classic script")
                .isFalse();
    }

    @Test
    void everyModuleImported_servedAsJavaScript_underAPolicyThatRunsIt() throws Exception {
        Map<String, HttpResponse<String>> served = new LinkedHashMap<>();
        Deque<String> next = new ArrayDeque<>();
        next.add("/studio.js");
        while (!next.isEmpty()) {
            String path = next.poll();
            if (served.containsKey(path)) {
                continue;
            }
            HttpResponse<String> r = get(path);
            served.put(path, r);
            Matcher m = IMPORT.matcher(r.body());
            while (m.find()) {
                // same origin, relative to the page's folder: no other server is ever asked
                assertThat(m.group(1)).as("import in " + path).matches("\\./[a-z-]+\\.js");
                next.add("/" + m.group(1).substring(2));
            }
        }
        assertThat(new TreeSet<>(served.keySet())).containsExactly("/drawing.js", "/network-edit.js", "/queue.js",
                "/settings.js", "/share.js", "/state.js", "/studio-logic.js", "/studio.js");
        for (var e : served.entrySet()) {
            HttpResponse<String> r = e.getValue();
            assertThat(r.statusCode()).as(e.getKey()).isEqualTo(200);
            // a module script of another type is refused by the browser (and by nosniff, any script)
            assertThat(r.headers().firstValue("Content-Type")).as(e.getKey()).hasValueSatisfying(
                    t -> assertThat(t).startsWith("text/javascript"));
            assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(scriptSources(r.headers().firstValue("Content-Security-Policy").orElseThrow()))
                    .as(e.getKey()).isEqualTo("'self'");
        }
    }

    @Test
    void scriptSources_isScriptSrcElseDefaultSrc() {
        assertThat(scriptSources(StudioGuard.CSP)).isEqualTo("'self'");
        assertThat(scriptSources("default-src 'self'; script-src 'none'")).isEqualTo("'none'");
        assertThat(scriptSources("img-src data:")).isEqualTo("*");
    }

    /** Returns where a policy lets scripts come from: its script-src, else its default-src, else anywhere. */
    static String scriptSources(String policy) {
        Map<String, String> directives = new LinkedHashMap<>();
        Arrays.stream(policy.split(";")).map(String::strip).filter(d -> !d.isEmpty()).forEach(d -> {
            String[] parts = d.split("\\s+", 2);
            directives.putIfAbsent(parts[0], parts.length > 1 ? parts[1] : "");
        });
        return directives.getOrDefault("script-src", directives.getOrDefault("default-src", "*"));
    }
}
