package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.studio.StudioServer.Options;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The studio's options as the command line gives them: each bound at its edges, and the derived defaults. */
final class StudioOptionsTest {

    /** Options on loopback with one value changed by name; the others in range. */
    static Options with(String name, long value) {
        int v = (int) value;
        return switch (name) {
            case "port" -> new Options("127.0.0.1", v, 4, 1, 8, List.of(), 4, 1000, false, 4);
            case "sessions" -> new Options("127.0.0.1", 0, v, 1, 8, List.of(), 4, 1000, false, 4);
            case "trainers" -> new Options("127.0.0.1", 0, 4, v, 8, List.of(), 4, 1000, false, 4);
            case "server threads" -> new Options("127.0.0.1", 0, 4, 1, v, List.of(), 4, 1000, false, 4);
            case "runs" -> new Options("127.0.0.1", 0, 4, 1, 8, List.of(), v, 1000, false, 4);
            case "sessions per client" -> new Options("127.0.0.1", 0, 4, 1, 8, List.of(), 4, 1000, false, v);
            case "idle" -> new Options("127.0.0.1", 0, 4, 1, 8, List.of(), 4, value, false, 4);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "{0} in [{1}, {2}]")
    @CsvSource(delimiter = '|', value = {
            "port | 0 | 65535", "sessions | 1 | 1000", "trainers | 1 | 64", "server threads | 4 | 256",
            "runs | 1 | 1000", "sessions per client | 1 | 1000"})
    void eachBound_itsEdgesPass_oneBeyondRefusedByName(String name, int min, int max) {
        assertThatNoException().isThrownBy(() -> with(name, min));
        assertThatNoException().isThrownBy(() -> with(name, max));
        assertThatThrownBy(() -> with(name, min - 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(name + " must be in [" + min + ", " + max + "], got " + (min - 1));
        assertThatThrownBy(() -> with(name, max + 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(name + " must be in [" + min + ", " + max + "], got " + (max + 1));
    }

    @Test
    void idle_atLeastOneMillisecond() {
        assertThat(with("idle", 1).idleMillis()).isEqualTo(1);
        assertThatThrownBy(() -> with("idle", 0)).hasMessage("idle time must be > 0 ms, got 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.168.1.20", "classroom.local", " classroom-2.local ", "[fe80::1]", "[::1]"})
    void allowedHosts_namesAndAddressesWithoutPort(String host) {
        assertThat(new Options("0.0.0.0", 0, 4, 1, 8, List.of(host), 4, 1000).allowedHosts()).containsExactly(host);
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:80", "http://classroom.local", "", "a b", "[fe80::1]:80", "[zz]"})
    void allowedHosts_withPortSchemeOrSpaces_refused(String host) {
        assertThatThrownBy(() -> new Options("0.0.0.0", 0, 4, 1, 8, List.of(host), 4, 1000))
                .hasMessage("allowed host must be a host name or address without port (like 192.168.1.20 or "
                        + "classroom.local), got '" + host + "'");
    }

    @Test
    void beyondLoopback_needsTheNames_loopbackDoesNot() {
        assertThatThrownBy(() -> new Options("192.168.1.20", 0, 4, 1, 8)).hasMessage("serving on 192.168.1.20 "
                + "reaches beyond this machine: name the host names pages may use to reach it (--allow-host, like "
                + "192.168.1.20)");
        for (String loopback : List.of("127.0.0.1", "127.0.1.1", "localhost", " LOCALHOST ", "::1", "[::1]")) {
            assertThat(Options.isLoopback(loopback)).as(loopback).isTrue();
            assertThatNoException().isThrownBy(() -> new Options(loopback, 0, 4, 1, 8));
        }
        for (String remote : List.of("0.0.0.0", "128.0.0.1", "localhost.evil", "::2", "10.127.0.1")) {
            assertThat(Options.isLoopback(remote)).as(remote).isFalse();
        }
    }

    @Test
    void memorySessions_halfTheHeapOver6MiB_between8And1000() {
        long mib = 1024L * 1024;
        // the launcher's 1 GiB heap: 512 MiB / 6 MiB = 85.3
        assertThat(Options.memorySessions(1024 * mib)).isEqualTo(85);
        assertThat(Options.memorySessions(12 * mib * 9)).isEqualTo(9);
        assertThat(Options.memorySessions(12 * mib * 8 - 1)).isEqualTo(8);
        assertThat(Options.memorySessions(0)).isEqualTo(8);
        assertThat(Options.memorySessions(-5)).isEqualTo(8);
        assertThat(Options.memorySessions(12 * mib * 1000)).isEqualTo(1000);
        assertThat(Options.memorySessions(Long.MAX_VALUE)).isEqualTo(1000);
    }

    @Test
    void shortForms_andWithers_keepEveryOtherValue() {
        Options o = new Options("127.0.0.1", 8080, 40, 2, 16);
        assertThat(o.maxRuns()).isEqualTo(40);
        assertThat(o.idleMillis()).isEqualTo(Options.DEFAULT_IDLE_MILLIS).isEqualTo(600_000);
        assertThat(o.warmUp()).isTrue();
        assertThat(o.maxPerClient()).isEqualTo(Options.DEFAULT_PER_CLIENT).isEqualTo(4);
        assertThat(o.allowedHosts()).isEmpty();

        Options changed = o.withLimits(3, 5000).withWarmUp(false).withPerClient(7)
                .withAllowedHosts(List.of("classroom.local"));
        assertThat(changed).isEqualTo(new Options("127.0.0.1", 8080, 40, 2, 16, List.of("classroom.local"), 3, 5000,
                false, 7));
        assertThat(o.withWarmUp(true)).isEqualTo(o);
    }

    @Test
    void local_andCommand_fromThisMachine() {
        Options local = Options.local(8080);
        assertThat(local.host()).isEqualTo("127.0.0.1");
        assertThat(local.port()).isEqualTo(8080);
        assertThat(local.maxSessions()).isEqualTo(Options.memorySessions(Runtime.getRuntime().maxMemory()));
        assertThat(local.trainers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(local.serverThreads()).isEqualTo(32);

        Options command = Options.command("0.0.0.0", 9000, 30, List.of("classroom.local"));
        assertThat(command).isEqualTo(new Options("0.0.0.0", 9000, 30, local.trainers(), 32,
                List.of("classroom.local"), 30, Options.DEFAULT_IDLE_MILLIS));
        assertThat(Options.command("127.0.0.1", 9000, null, List.of()).maxSessions()).isEqualTo(local.maxSessions());
        assertThat(Options.command("127.0.0.1", 9000, null, List.of()).maxRuns()).isEqualTo(local.maxSessions());
    }
}
