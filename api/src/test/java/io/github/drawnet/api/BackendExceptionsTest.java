package io.github.drawnet.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class BackendExceptionsTest {

    @Test
    void unknownBackend_messageListsAvailable_andKeepsBoth() {
        List<String> available = new ArrayList<>(List.of("djl", "dl4j"));
        UnknownBackendException e = new UnknownBackendException("tf", available);
        available.clear();
        assertThat(e).hasMessage("unknown backend 'tf'; available: djl, dl4j");
        assertThat(e.requested()).isEqualTo("tf");
        assertThat(e.available()).containsExactly("djl", "dl4j");
    }

    static Stream<Arguments> causes() {
        return Stream.of(
                Arguments.of("one cause", new UnsatisfiedLinkError("libtorch.so: cannot open shared object file"),
                        "libtorch.so: cannot open shared object file"),
                Arguments.of("the deepest cause's message",
                        new RuntimeException("wrapper", new IOException("download failed", new UnsatisfiedLinkError(
                                "no jnind4jcpu in java.library.path"))),
                        "no jnind4jcpu in java.library.path"),
                Arguments.of("the deepest message there is",
                        new RuntimeException("outer", new IllegalStateException("middle", new NullPointerException())),
                        "middle"),
                Arguments.of("only its first line", new RuntimeException("first line\n\tat somewhere"), "first line"),
                Arguments.of("the class when no message", new IllegalStateException(), "IllegalStateException"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("causes")
    void nativeLoadFailed_oneLineNamingBackendEngineReasonAndTheOther(String name, Throwable cause, String why) {
        BackendUnavailableException e = BackendUnavailableException.nativeLoadFailed("djl", "PyTorch", "dl4j", cause);
        assertThat(e).hasMessage("backend djl is unavailable: failed to load the PyTorch native library (" + why
                + "); try --backend dl4j");
        assertThat(e.backendId()).isEqualTo("djl");
        assertThat(e.getCause()).isSameAs(cause);
    }

    @Test
    void nativeLoadFailed_noOtherBackendRunsHere_saysSo() {
        BackendUnavailableException e = BackendUnavailableException.nativeLoadFailed("djl", "PyTorch", null,
                new UnsatisfiedLinkError("libtorch.so: cannot open shared object file"));
        assertThat(e).hasMessage("backend djl is unavailable: failed to load the PyTorch native library (libtorch.so:"
                + " cannot open shared object file); no other backend found runs here");
    }
}
