package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

final class ProgressTest {

    @Test
    void terminal_barRedrawnInPlace_linesPrintedAboveIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), true, "epochs");
        p.update(1, 4, "loss 0.5000");
        p.line("Epoch 2/4 - Loss: 0.4000");
        p.update(2, 4, "loss 0.4000");
        p.finish();
        String out = bytes.toString(StandardCharsets.UTF_8);
        assertThat(out).contains("\r\u001b[K[#######.....................] 1/4 epochs · loss 0.5000");
        assertThat(out).contains("\r\u001b[KEpoch 2/4 - Loss: 0.4000\n");
        assertThat(out).contains("[##############..............] 2/4 epochs · loss 0.4000 · ").contains(" left");
        assertThat(out).endsWith("\r\u001b[K");
    }

    @Test
    void notTerminal_plainLinesOnly() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress p = new Progress(new PrintStream(bytes, true, StandardCharsets.UTF_8), false, "epochs");
        p.update(1, 4, "loss 0.5");
        p.line("Epoch 2/4");
        p.finish();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("Epoch 2/4" + System.lineSeparator());
    }
}
