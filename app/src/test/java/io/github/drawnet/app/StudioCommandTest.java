package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code drawnet studio}: what it refuses before it starts listening. */
final class StudioCommandTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "--port         | -1    | drawnet studio: --port must be in [0, 65535], got -1",
        "--port         | 65536 | drawnet studio: --port must be in [0, 65535], got 65536",
        "--max-sessions | 0     | drawnet studio: --max-sessions must be in [1, 1000], got 0",
        "--max-sessions | 1001  | drawnet studio: --max-sessions must be in [1, 1000], got 1001",
        "--host         | 0.0.0.0 | drawnet studio: serving on 0.0.0.0 reaches beyond this machine: name the host names pages may use to reach it (--allow-host, like 192.168.1.20)",
        "--allow-host   | evil.example:80 | drawnet studio: --allow-host must be a host name or address without port (like 192.168.1.20 or classroom.local), got 'evil.example:80'"})
    void studio_badOption_refused_exit2(String option, String value, String message) {
        CliRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRunner.run("studio", option, value));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo(message + System.lineSeparator());
        assertThat(r.out()).isEmpty();
    }

    @Test
    void studio_portTaken_oneLineAskingForAnotherPort_exit5() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = taken.getLocalPort();
            CliRunner.Result r = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> CliRunner.run("studio", "--port", String.valueOf(port)));
            assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
            // the reason is the innermost cause's: the socket's own "Address already in use"
            assertThat(r.err()).isEqualTo("drawnet studio: cannot listen on 127.0.0.1:" + port
                    + " (Address already in use); choose another --port" + System.lineSeparator());
            assertThat(r.err().lines()).hasSize(1);
            assertThat(r.out()).isEmpty();
        }
    }
}
