package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
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
        assertThat(r.err()).isEqualTo("drawnet continue: model file " + bad + " ends before its JSON does at line 1,"
                + " column 27 (truncated?)" + System.lineSeparator());
        assertThat(dir.resolve("o")).doesNotExist();
        // garbage: where, not the parser's internals
        Path garbage = java.nio.file.Files.writeString(dir.resolve("garbage.json"), "{\n  \"format\": drawnet }");
        CliRunner.Result g = CliRunner.run("continue", garbage.toString(), "--out", dir.resolve("o").toString());
        assertThat(g.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(g.err()).isEqualTo("drawnet continue: model file " + garbage + " is not valid JSON at line 2,"
                + " column 13 (truncated or corrupt?)" + System.lineSeparator());
    }

    @Test
    void continue_epochsOutOfRange_refusedBeforeReadingTheModel_exit2(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("continue", dir.resolve("missing.json").toString(), "--epochs", "0",
                "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet continue: --epochs must be in [1, 100000], got 0" + System.lineSeparator());
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void continue_savedLearningRateRaisedTillTheLossOverflows_exit4_savedAndNewEpochsKept(@TempDir Path dir)
            throws IOException {
        Path model = dir.resolve("model.json");
        run("run", "--optimizer", "sgd", "--lr", "0.1", "--epochs", "2", "--train-size", "200", "--val-size", "50",
                "--test-size", "100", "--save", model.toString(), "--out", dir.resolve("first").toString());
        JsonNode first = new ObjectMapper().readTree(dir.resolve("first/metrics.json").toFile());
        // the learning rate travels in the model file: edited there, the model stays valid and the next step overflows
        ObjectNode json = (ObjectNode) new ObjectMapper().readTree(model.toFile());
        ((ObjectNode) json.get("training")).put("learningRate", 1e37);
        Path raised = dir.resolve("raised.json");
        new ObjectMapper().writeValue(raised.toFile(), json);

        Path out = dir.resolve("more");
        CliRunner.Result r = CliRunner.run("continue", raised.toString(), "--epochs", "3", "--out", out.toString());

        assertThat(r.exitCode()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.out().lines()).contains(
                String.format(Locale.ROOT, "Model: %s, saved from djl after 2 epochs (validation accuracy %.4f)", raised,
                        first.at("/history/1/validationAccuracy").asDouble()),
                String.format(Locale.ROOT, "Drawing: blob (256 x 256, saved in the model), %.1f%% of the canvas drawn",
                        100 * Preset.BLOB.drawing().positiveShare()),
                "Continuing: the saved weights and optimizer state, epochs 3 to 5",
                "Figure: " + out.resolve("continue-history.png"));
        assertThat(r.err()).as("the reason, on standard error").isEqualTo("drawnet continue: training stopped at epoch 3:"
                + " the training loss became Infinity; try a learning rate smaller than 1.0E37" + System.lineSeparator());
        assertThat(epochLines(r)).singleElement().asString().startsWith("Epoch 3/5 - Loss: Infinity - ");
        // what ran is kept: the saved epochs and the one that diverged, in metrics.json and history.csv
        JsonNode metrics = new ObjectMapper().readTree(out.resolve("metrics.json").toFile());
        assertThat(metrics.at("/training/stopReason").asText()).isEqualTo("DIVERGED");
        assertThat(metrics.at("/history").size()).isEqualTo(3);
        List<String> history = Files.readAllLines(out.resolve("history.csv"));
        assertThat(history).hasSize(4);
        assertThat(history.get(3)).startsWith("3,Infinity,");
        assertThat(out.resolve("report.html")).isNotEmptyFile();
    }

    /** Saves a model that was never trained, made through the library on the plain-Java backend. */
    static Path untrainedModel(Path file) throws IOException {
        DataSplits data = Sampler.sample(Preset.XOR.drawing(), new SampleSizes(200, 50, 100), 2);
        try (Experiment e = Experiment.start(Backends.discover().get("reference"), Preset.XOR.drawing(), data,
                NetworkSpec.notebook(), TrainingConfig.notebook().withSeed(2).withEpochs(1))) {
            SavedModel.of(e).write(file);
        }
        return file;
    }

    @Test
    void continue_saveIntoAFolder_refusedBeforeTraining_exit5(@TempDir Path dir) throws IOException {
        Path model = untrainedModel(dir.resolve("model.json"));
        CliRunner.Result r = CliRunner.run("continue", model.toString(), "--save", dir.toString(), "--out",
                dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.IO);
        assertThat(r.err()).isEqualTo("drawnet continue: cannot save to " + dir + ": it is a folder; give a file name"
                + System.lineSeparator());
        assertThat(r.out()).doesNotContain("Epoch");
    }

    @Test
    void continue_untrainedModel_onTheBackendItWasSavedFrom_epochsFromOne(@TempDir Path dir) throws IOException {
        Path model = untrainedModel(dir.resolve("model.json"));
        Path saved = dir.resolve("models/again.json");
        CliRunner.Result r = run("continue", model.toString(), "--epochs", "2", "--save", saved.toString(), "--out",
                dir.resolve("o").toString());
        assertThat(r.out().lines()).contains("Model: " + model + ", saved from reference after 0 epochs (untrained)",
                "Continuing: the saved weights and optimizer state, epochs 1 to 2", "Model: " + saved);
        assertThat(r.out().lines().filter(l -> l.startsWith("Backend: "))).singleElement().asString()
                .startsWith("Backend: reference (");
        assertThat(epochLines(r)).hasSize(2);
        assertThat(SavedModel.read(saved).history().size()).isEqualTo(2);
    }
}
