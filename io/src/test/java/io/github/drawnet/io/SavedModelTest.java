package io.github.drawnet.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.History;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.OptimizerState;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

final class SavedModelTest {

    static SavedModel sample(Parameters p) {
        NetworkSpec spec = NetworkSpec.notebook().withHidden(List.of(3));
        DataSplits data = Sampler.sample(Preset.BLOB.drawing(), new SampleSizes(100, 50, 50), 4);
        return new SavedModel("djl", spec, TrainingConfig.notebook().withEpochs(2), p,
                new OptimizerState(Optimizer.ADAM, 9, List.of(p, p.zeros())), History.EMPTY, data.provenance(),
                Preset.BLOB.drawing());
    }

    static Parameters awkward() {
        float[] w1 = {Float.MIN_VALUE, -0.0f, 1e-30f, 3.4e38f, 0.1f, -1.0000001f};
        float[] b1 = {Float.MIN_NORMAL, -123456.79f, 7f / 3f};
        float[] w2 = {Math.nextUp(1f), -Float.MIN_VALUE, 0.3f};
        return new Parameters(List.of(new LayerParameters(2, 3, w1, b1), new LayerParameters(3, 1, w2, new float[] {-0f})));
    }

    @Test
    void writeThenRead_awkwardFloats_bitIdentical(@TempDir Path dir) throws IOException {
        Parameters p = awkward();
        Path file = dir.resolve("m.json");
        sample(p).write(file);
        SavedModel back = SavedModel.read(file);
        assertThat(back.parameters()).isEqualTo(p);
        for (int l = 0; l < 2; l++) {
            float[] a = p.layer(l).weights();
            float[] b = back.parameters().layer(l).weights();
            for (int i = 0; i < a.length; i++) {
                assertThat(Float.floatToRawIntBits(b[i])).isEqualTo(Float.floatToRawIntBits(a[i]));
            }
        }
        assertThat(back.optimizer().slots().get(0)).isEqualTo(p);
        assertThat(back.optimizer().step()).isEqualTo(9);
        assertThat(back.drawing().sha256()).isEqualTo(Preset.BLOB.drawing().sha256());
        assertThat(back.config()).isEqualTo(sample(p).config());
    }

    @Test
    void writeThenRead_l1_roundTrips_fileWithoutItReadsAsZero(@TempDir Path dir) throws IOException {
        SavedModel base = sample(awkward());
        Path file = dir.resolve("m.json");
        new SavedModel(base.backendId(), base.spec(), base.config().withL1(2.5e-4), base.parameters(), base.optimizer(),
                base.history(), base.provenance(), base.drawing()).write(file);
        assertThat(json(file).at("/training/l1").doubleValue()).isEqualTo(2.5e-4);
        assertThat(SavedModel.read(file).config()).isEqualTo(base.config().withL1(2.5e-4));

        // L1 off: no field, as files were written before L1 existed; such a file reads as 0
        base.write(file);
        assertThat(json(file).at("/training").has("l1")).isFalse();
        assertThat(SavedModel.read(file).config().l1()).isZero();
    }

    static ObjectNode json(Path file) throws IOException {
        return (ObjectNode) new ObjectMapper().readTree(file.toFile());
    }

    static Stream<Arguments> damaged() {
        return Stream.of(
                Arguments.of("newer format version", (Consumer<ObjectNode>) j -> j.put("formatVersion", 3),
                        "has format version 3; this Drawnet reads versions 1 and 2"),
                Arguments.of("another format", (Consumer<ObjectNode>) j -> j.put("format", "keras"),
                        "is not a Drawnet model (\"format\" is not \"drawnet-model\")"),
                Arguments.of("spec does not match parameters",
                        (Consumer<ObjectNode>) j -> ((ArrayNode) j.with("network").withArray("hidden")).set(0, 5),
                        "holds parameters of shape [2, 3, 1] for a network of shape [2, 5, 1]"),
                Arguments.of("missing parameters", (Consumer<ObjectNode>) j -> j.remove("parameters"),
                        "lacks the field \"parameters\""),
                Arguments.of("unknown activation", (Consumer<ObjectNode>) j -> j.with("network").put("activation", "gelu"),
                        "holds an invalid value: unknown activation 'gelu'; valid: sigmoid, tanh, relu, linear"),
                Arguments.of("weight that is text",
                        (Consumer<ObjectNode>) j -> ((ArrayNode) j.withArray("parameters").get(0).get("weight").get(0))
                                .set(0, "x"),
                        "has parameters layer 0 weight row 0[0] that is not a number: \"x\""),
                Arguments.of("negative l1", (Consumer<ObjectNode>) j -> j.with("training").put("l1", -1.0),
                        "holds an invalid value: l1 penalty must be a finite number >= 0, got -1"),
                Arguments.of("l1 that is text", (Consumer<ObjectNode>) j -> j.with("training").put("l1", "x"),
                        "has \"l1\" that is not a number: \"x\""),
                Arguments.of("drawing tampered", (Consumer<ObjectNode>) j -> j.with("drawing").put("sha256", "00"),
                        "holds a drawing whose SHA-256 does not match the one recorded (corrupt?)"),
                Arguments.of("optimizer state of another shape",
                        (Consumer<ObjectNode>) j -> ((ArrayNode) j.with("optimizer").withArray("slots").get(0)).remove(1),
                        "holds optimizer state of shape [2, 3] for parameters of shape [2, 3, 1]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("damaged")
    void read_damagedFile_refusedWithOneLine(String what, Consumer<ObjectNode> damage, String message,
            @TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.json");
        sample(awkward()).write(file);
        ObjectNode j = json(file);
        damage.accept(j);
        Files.write(file, new ObjectMapper().writeValueAsBytes(j));
        assertThatThrownBy(() -> SavedModel.read(file)).isInstanceOf(InvalidModelFileException.class)
                .hasMessage("model file " + file + " " + message);
    }

    @Test
    void read_truncated_notJson(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.json");
        sample(awkward()).write(file);
        byte[] all = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(all, all.length / 2));
        assertThatThrownBy(() -> SavedModel.read(file)).isInstanceOf(InvalidModelFileException.class)
                .hasMessageStartingWith("model file " + file + " ends before its JSON does at line ")
                .hasMessageEndingWith(" (truncated?)").hasMessageNotContaining("Unexpected");
        Files.writeString(file, "{\"format\": [1, 2}");
        assertThatThrownBy(() -> SavedModel.read(file)).hasMessage("model file " + file + " is not valid JSON at line 1,"
                + " column 17 (truncated or corrupt?)");
        // the size is checked before anything is parsed
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(JsonReader.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> SavedModel.read(file)).hasMessage("model file " + file + " is 67,108,865 bytes; a"
                + " Drawnet file is at most 67,108,864 bytes (64 MiB)");
    }

    @Test
    void read_missing_saysSo(@TempDir Path dir) {
        assertThatThrownBy(() -> SavedModel.read(dir.resolve("none.json")))
                .hasMessage("model file " + dir.resolve("none.json") + " does not exist");
        Path text = dir.resolve("empty.json");
        assertThatThrownBy(() -> SavedModel.parse("[]".getBytes(StandardCharsets.UTF_8), "empty.json"))
                .hasMessage("model file empty.json is not a Drawnet model (expected a JSON object)");
        assertThat(text).doesNotExist();
    }
}
