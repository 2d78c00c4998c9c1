package io.github.drawnet.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Names printed with their control characters escaped, everything else as it is. */
final class PrintableTest {

    @Test
    void escape_controlCharactersEscaped_restUnchanged() {
        assertThat(Printable.escape("a\u001b[31mred\n\tb\u0007")).isEqualTo("a\\u001b[31mred\\n\\tb\\u0007");
        assertThat(Printable.escape("right\u202eto left\u2028")).isEqualTo("right\\u202eto left\\u2028");
        String plain = "plain é";
        assertThat(Printable.escape(plain)).isSameAs(plain);
        assertThat(Printable.escape(null)).isEqualTo("null");
        assertThat(Printable.path(Path.of("x\ry"))).isEqualTo("x\\ry");
    }
}
