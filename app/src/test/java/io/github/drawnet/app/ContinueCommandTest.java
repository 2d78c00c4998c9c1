package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notebook's last question: a few more epochs on a trained model, or training again from scratch. */
final class ContinueCommandTest {

    static final String[] SMALL = {"--preset", "blob", "--train-size", "600", "--val-size", "200", "--test-size",
        "500", "--seed", "6"};

    static CliRunner.Result run(String... args) {
        CliRunner.Result r = CliRunner.run(args);
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        return r;
    }

    static String[] with(String[] base, String... more) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    static List<String> epochLines(CliRunner.Result r) {
        return r.out().lines().filter(l -> l.startsWith("Epoch ")).toList();
    }

    static JsonNode parameters(Path dir) throws IOException {
        return new ObjectMapper().readTree(dir.resolve("metrics.json").toFile()).get("parameters");
    }

    @Test
    void continue_addsEpochsNumberedOn_sameAsTrainingStraight(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model.json");
        run(with(with(new String[] {"run"}, SMALL), "--epochs", "3", "--save", model.toString(), "--out",
                dir.resolve("first").toString()));
        CliRunner.Result more = run("continue", model.toString(), "--epochs", "2", "--out",
                dir.resolve("more").toString());
        assertThat(epochLines(more)).hasSize(2);
        assertThat(epochLines(more).get(0)).startsWith("Epoch 4/5 - Loss: ");
        assertThat(epochLines(more).get(1)).startsWith("Epoch 5/5 - Loss: ");
        assertThat(dir.resolve("more/continue-history.png")).isNotEmptyFile();
        assertThat(dir.resolve("more/model.json")).isNotEmptyFile();

        CliRunner.Result straight = run(with(with(new String[] {"run"}, SMALL), "--epochs", "5", "--out",
                dir.resolve("straight").toString()));
        // the continued epochs are the straight run's epochs 4 and 5, bit for bit
        assertThat(epochLines(more)).containsExactlyElementsOf(epochLines(straight).subList(3, 5));
        assertThat(parameters(dir.resolve("more"))).isEqualTo(parameters(dir.resolve("straight")));
        JsonNode history = new ObjectMapper().readTree(dir.resolve("more/model.json").toFile()).get("history");
        assertThat(history.size()).isEqualTo(5);
    }

    @Test
    void continueFromScratch_startsAgainAtEpochOne_asAFreshRun(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model.json");
        run(with(with(new String[] {"run"}, SMALL), "--epochs", "3", "--save", model.toString(), "--out",
                dir.resolve("first").toString()));
        CliRunner.Result scratch = run("continue", model.toString(), "--epochs", "2", "--from-scratch", "--out",
                dir.resolve("scratch").toString());
        CliRunner.Result fresh = run(with(with(new String[] {"run"}, SMALL), "--epochs", "2", "--out",
                dir.resolve("fresh").toString()));
        assertThat(epochLines(scratch)).containsExactlyElementsOf(epochLines(fresh));
        assertThat(epochLines(scratch).get(0)).startsWith("Epoch 1/2");
    }

    @Test
    void continue_onTheOtherEngine_readsTheSameFile(@TempDir Path dir) throws IOException {
        Path model = dir.resolve("model.json");
        run(with(with(new String[] {"run"}, SMALL), "--epochs", "2", "--save", model.toString(), "--out",
                dir.resolve("djl").toString()));
        CliRunner.Result dl4j = run("continue", model.toString(), "--epochs", "1", "--backend", "dl4j", "--out",
                dir.resolve("dl4j").toString());
        assertThat(dl4j.out()).contains("Backend: dl4j");
        assertThat(epochLines(dl4j)).singleElement().asString().startsWith("Epoch 3/3");
    }

    @Test
    void continue_corruptModel_oneLineExit2(@TempDir Path dir) throws IOException {
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.json"), "{\"format\": \"drawnet-model\"");
        CliRunner.Result r = CliRunner.run("continue", bad.toString(), "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("drawnet continue: model file " + bad + " is not valid JSON");
        assertThat(r.err().lines()).hasSize(1);
        assertThat(dir.resolve("o")).doesNotExist();
    }
}
