package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The guard's checks by themselves, without a server: which {@code Host} headers name the studio, how a
 * header's value is shortened for a message, the names listed in a refusal, and the page tokens.
 * (StudioSafetyTest drives the same checks over HTTP.)
 */
final class StudioGuardTest {

    static StudioGuard guard(int port, String... allowed) {
        StudioGuard g = new StudioGuard(List.of(allowed), 1024);
        g.port(port);
        return g;
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "127.0.0.1:8123 | true", "localhost:8123 | true", "[::1]:8123 | true", "LocalHost:8123 | true",
            "' localhost:8123 ' | true", "classroom.local:8123 | true", "CLASSROOM.local:8123 | true",
            // another port, another name, a port that is not a number, or none at all
            "127.0.0.1:8124 | false", "127.0.0.1:80 | false", "127.0.0.1 | false", "[::1] | false",
            "evil.example:8123 | false", "127.0.0.1.evil.example:8123 | false", "127.0.0.1:8123x | false",
            "127.0.0.1: | false", "'' | false", "'   ' | false", "NULL | false", "[::1]x:8123 | false",
            "localhost:8123:8123 | false"})
    void hostAllowed_theStudiosNamesOnItsPort(String host, boolean allowed) {
        assertThat(guard(8123, " Classroom.Local ").hostAllowed(host)).isEqualTo(allowed);
    }

    @Test
    void hostAllowed_withoutAPort_isPort80() {
        StudioGuard g = guard(80);
        assertThat(g.hostAllowed("localhost")).isTrue();
        assertThat(g.hostAllowed("[::1]")).isTrue();
        assertThat(g.hostAllowed("localhost:80")).isTrue();
        assertThat(g.hostAllowed("localhost:8080")).isFalse();
    }

    @Test
    void names_loopbackFirst_thenTheOthersSorted_eachOnce() {
        assertThat(guard(1, "b.example", " A.Example ", "localhost", "b.example").names())
                .containsExactly("127.0.0.1", "localhost", "[::1]", "a.example", "b.example");
        assertThat(guard(1).names()).containsExactly("127.0.0.1", "localhost", "[::1]");
    }

    @Test
    void shorten_controlCharactersMarked_longValuesCut() {
        assertThat(StudioGuard.shorten(null)).isEmpty();
        assertThat(StudioGuard.shorten("evil\r\nSet-Cookie: x\u0000")).isEqualTo("evil??Set-Cookie: x?");
        String eighty = "h".repeat(80);
        assertThat(StudioGuard.shorten(eighty)).isEqualTo(eighty);
        assertThat(StudioGuard.shorten(eighty + "i")).isEqualTo(eighty + "...");
    }

    @Test
    void tokens_random_urlSafe_andComparedWhole() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            String t = StudioGuard.token();
            // 128 bits in unpadded base64url: 22 characters
            assertThat(t).matches("[A-Za-z0-9_-]{22}");
            assertThat(seen.add(t)).isTrue();
        }
        String t = StudioGuard.token();
        assertThat(StudioGuard.sameToken(t, t)).isTrue();
        assertThat(StudioGuard.sameToken(t, new String(t))).isTrue();
        assertThat(StudioGuard.sameToken(t, null)).isFalse();
        assertThat(StudioGuard.sameToken(t, t.substring(1))).isFalse();
        assertThat(StudioGuard.sameToken(t, t + "x")).isFalse();
        assertThat(StudioGuard.sameToken(t, "")).isFalse();
    }

    @Test
    void policy_scriptsAndEverythingElseFromThisOriginOnly() {
        assertThat(StudioGuard.CSP).isEqualTo("default-src 'self'; img-src 'self' data: blob:; object-src 'none'; "
                + "base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
    }
}
