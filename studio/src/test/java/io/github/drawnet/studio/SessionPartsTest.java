package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Backends;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.TrainingListener;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Experiment;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.ExperimentSettings;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.SampleSizes;
import io.github.drawnet.api.TrainingConfig;
import io.github.drawnet.io.SavedModel;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.sampling.Sampler;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The session's parts without a server: the settings a page sends, the events' payloads, and the
 * downloads of a finished run (trained on the plain-Java backend, so these tests stay quick).
 */
final class SessionPartsTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static ExperimentResult result;
    static Experiment experiment;

    @BeforeAll
    static void train() {
        DataSplits data = Sampler.sample(Preset.BLOB.drawing(), new SampleSizes(200, 50, 80), 2);
        experiment = Experiment.start(Backends.discover().get("reference"), Preset.BLOB.drawing(), data,
                NetworkSpec.notebook().withHidden(List.of(2, 3)).withActivation(Activation.TANH),
                TrainingConfig.notebook().withEpochs(2).withBatchSize(20).withSeed(2));
        experiment.train(2, TrainingListener.NONE);
        result = experiment.finish();
    }

    /** A run of four classes (the preset of three coloured blobs and the background), two epochs. */
    static ExperimentResult coloured;
    static Experiment colouredExperiment;

    @BeforeAll
    static void trainInColours() {
        var drawing = Preset.THREE_BLOBS.drawing();
        DataSplits data = Sampler.sample(drawing, new SampleSizes(300, 60, 120), 5);
        StudioSettings settings = new StudioSettings("reference", ExperimentSettings.notebook());
        colouredExperiment = Experiment.start(Backends.discover().get("reference"), drawing, data,
                StudioSession.spec(settings, data).withHidden(List.of(6)),
                TrainingConfig.notebook().withEpochs(2).withBatchSize(20).withSeed(5));
        colouredExperiment.train(2, TrainingListener.NONE);
        coloured = colouredExperiment.finish();
    }

    static JsonNode json(String text) throws Exception {
        return JSON.readTree(text);
    }

    @Test
    void settings_missingOrNull_areTheNotebooks() throws Exception {
        assertThat(StudioSettings.from(null, "djl")).isEqualTo(new StudioSettings("djl", ExperimentSettings.notebook()));
        assertThat(StudioSettings.from(json("{}"), "dl4j").backend()).isEqualTo("dl4j");
        assertThat(StudioSettings.from(json("{\"backend\":\" \",\"epochs\":null,\"hidden\":\"\"}"), "djl"))
                .isEqualTo(new StudioSettings("djl", ExperimentSettings.notebook()));
        assertThatThrownBy(() -> StudioSettings.from(json("[1]"), "djl")).isInstanceOf(StudioException.class)
                .hasMessage("settings must be a JSON object");
    }

    @Test
    void settings_everyKeyReadByTheOneParser() throws Exception {
        StudioSettings s = StudioSettings.from(json("{\"backend\":\"reference\",\"hidden\":\"8,4\",\"activation\":\"relu\","
                + "\"features\":[\"x1sq\",\"x2sq\"],\"optimizer\":\"sgd\",\"learningRate\":\"0.5\",\"batchSize\":\"32\","
                + "\"epochs\":\"7\",\"weightDecay\":\"0.001\",\"l1\":\"0.002\",\"trainSize\":\"300\",\"validationSize\":\"60\","
                + "\"testSize\":\"90\",\"noise\":\"0.1\",\"seed\":\"5\"}"), "djl");
        ExperimentSettings e = s.settings();
        assertThat(s.backend()).isEqualTo("reference");
        assertThat(e.network().hidden()).containsExactly(8, 4);
        assertThat(e.network().activation()).isEqualTo(Activation.RELU);
        assertThat(e.text(io.github.drawnet.api.Setting.FEATURES)).isEqualTo("x1sq,x2sq");
        assertThat(e.training()).isEqualTo(new TrainingConfig(io.github.drawnet.api.Optimizer.SGD, 0.5, 32, 7, 0.001,
                0.002, 5, true));
        assertThat(e.sizes()).isEqualTo(new SampleSizes(300, 60, 90));
        assertThat(e.noise()).isEqualTo(0.1);
        // numbers may come as JSON numbers too
        assertThat(StudioSettings.from(json("{\"epochs\":12,\"learningRate\":0.25}"), "djl").settings().training())
                .isEqualTo(TrainingConfig.notebook().withEpochs(12).withLearningRate(0.25));
    }

    /** No feature ticked is refused, not silently the notebook's x1,x2; an emptied field keeps what the page shows. */
    @Test
    void settings_noFeatures_refused_emptyFieldKeepsTheDefault() throws Exception {
        assertThatThrownBy(() -> StudioSettings.from(json("{\"features\":[]}"), "djl"))
                .hasMessage("features must list one or more of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, separated by"
                        + " commas, got ''");
        assertThat(StudioSettings.from(json("{\"epochs\":\"\"}"), "djl").settings().training().epochs())
                .isEqualTo(100);
    }

    @Test
    void settings_studioBounds_atTheEdges() throws Exception {
        assertThat(StudioSettings.from(json("{\"epochs\":\"5000\",\"trainSize\":\"100000\"}"), "djl").settings()
                .training().epochs()).isEqualTo(5000);
        assertThatThrownBy(() -> StudioSettings.from(json("{\"epochs\":\"5001\"}"), "djl"))
                .hasMessage("epochs must be in [1, 5000] in the studio, got 5001"
                        + " (its budget for one page, so a page's run stays interactive; drawnet run allows up to 100000)");
        assertThatThrownBy(() -> StudioSettings.from(json("{\"testSize\":\"100001\"}"), "djl"))
                .hasMessage("test set size must be in [1, 100000] in the studio, got 100001"
                        + " (its budget for one page, so a page's run stays interactive; drawnet run allows up to 1000000)");
        assertThatThrownBy(() -> StudioSettings.from(json("{\"validationSize\":\"0\"}"), "djl"))
                .hasMessage("validation set size must be in [1, 100000] in the studio, got 0"
                        + " (its budget for one page, so a page's run stays interactive; drawnet run allows up to 1000000)");
        assertThatThrownBy(() -> StudioSettings.from(json("{\"epochs\":\"-1\"}"), "djl"))
                .hasMessage("epochs must be in [1, 5000] in the studio, got -1"
                        + " (its budget for one page, so a page's run stays interactive; drawnet run allows up to 100000)");
    }

    @Test
    void defaults_areThePagesSettingsAtTheNotebooksValues() {
        ObjectNode d = StudioSettings.defaults(JSON.createObjectNode());
        List<String> keys = new java.util.ArrayList<>();
        d.fieldNames().forEachRemaining(keys::add);
        assertThat(StudioSettings.keys()).contains("epochs", "learningRate", "hidden", "features", "l1");
        assertThat(keys).containsAll(StudioSettings.keys()).contains("continueEpochs");
        assertThat(d.get("epochs").asText()).isEqualTo("100");
        assertThat(d.get("features").toString()).isEqualTo("[\"x1\",\"x2\"]");
        assertThat(d.get("continueEpochs").asInt()).isEqualTo(ExperimentSettings.MORE_EPOCHS);
    }

    @Test
    void events_statusEpochMessage_payloads() {
        assertThat(SessionEvents.status("training", 3, null).toString()).isEqualTo("{\"state\":\"training\",\"epochs\":3}");
        assertThat(SessionEvents.status("failed", 0, "no").toString())
                .isEqualTo("{\"state\":\"failed\",\"epochs\":0,\"message\":\"no\"}");
        assertThat(SessionEvents.message("hello").toString()).isEqualTo("{\"message\":\"hello\"}");
        ObjectNode e = SessionEvents.epoch(new EpochMetrics(4, 0.5, 0.75, 0.25, 0.875), 10, 1.5);
        assertThat(e.get("epoch").asInt()).isEqualTo(4);
        assertThat(e.get("last").asInt()).isEqualTo(10);
        assertThat(e.get("trainLoss").asDouble()).isEqualTo(0.5);
        assertThat(e.get("trainAccuracy").asDouble()).isEqualTo(0.75);
        assertThat(e.get("validationLoss").asDouble()).isEqualTo(0.25);
        assertThat(e.get("validationAccuracy").asDouble()).isEqualTo(0.875);
        assertThat(e.get("seconds").asDouble()).isEqualTo(1.5);
    }

    @Test
    void events_maps_outputAndEveryHiddenUnitAsPngs() throws Exception {
        SessionEvents events = new SessionEvents(new NotebookVisualizer());
        ObjectNode maps = events.maps(experiment.model(), 2);
        assertThat(maps.get("epoch").asInt()).isEqualTo(2);
        assertThat(maps.get("grid").asInt()).isEqualTo(SessionEvents.LIVE_GRID);
        JsonNode hidden = maps.get("hidden");
        assertThat(hidden).hasSize(5);
        assertThat(hidden.get(0).get("layer").asInt()).isEqualTo(1);
        assertThat(hidden.get(2).get("layer").asInt()).isEqualTo(2);
        assertThat(hidden.get(2).get("unit").asInt()).isEqualTo(1);
        // tanh units are coloured over tanh's range
        assertThat(hidden.get(4).get("lo").asDouble()).isEqualTo(-1);
        assertThat(hidden.get(4).get("hi").asDouble()).isEqualTo(1);
        for (String url : List.of(maps.get("output").asText(), hidden.get(3).get("png").asText(),
                maps.get("network").asText())) {
            assertThat(url).startsWith("data:image/png;base64,");
        }
        var map = ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(
                maps.get("output").asText().substring("data:image/png;base64,".length()))));
        assertThat(map.getWidth()).isEqualTo(SessionEvents.LIVE_GRID);
        assertThat(map.getHeight()).isEqualTo(SessionEvents.LIVE_GRID);
    }

    @Test
    void events_done_testFiguresBoundaryDownloads() throws Exception {
        ObjectNode done = new SessionEvents(new NotebookVisualizer()).done(result);
        assertThat(done.get("testAccuracy").asDouble()).isEqualTo(result.test().accuracy());
        assertThat(done.get("balancedAccuracy").asDouble()).isEqualTo(result.test().balancedAccuracy());
        assertThat(done.get("testLoss").asDouble()).isEqualTo(result.test().loss());
        assertThat(done.get("epochs").asInt()).isEqualTo(2);
        assertThat(done.get("stopReason").asText()).isEqualTo("completed");
        assertThat(done.get("message").asText()).isEqualTo("trained 2 epochs");
        assertThat(done.get("boundary").asText()).startsWith("data:image/png;base64,");
        assertThat(done.get("downloads").toString())
                .isEqualTo("[\"drawing.png\",\"report.html\",\"model.json\",\"points.csv\"]");
    }

    @Test
    void spec_hasAsManyClassesAsThePoints() {
        StudioSettings settings = new StudioSettings("reference", ExperimentSettings.notebook());
        assertThat(StudioSession.spec(settings, coloured.data()).classes()).isEqualTo(4);
        assertThat(StudioSession.spec(settings, result.data())).isEqualTo(ExperimentSettings.notebook().network());
    }

    @Test
    void events_mapsOfFourClasses_fourBytesAPoint_andNoSigmoidMap() throws Exception {
        ObjectNode maps = new SessionEvents(new NotebookVisualizer()).maps(colouredExperiment.model(), 2);
        assertThat(maps.get("classes").asInt()).isEqualTo(4);
        assertThat(maps.has("output")).as("one output's map is the binary network's").isFalse();
        byte[] p = Base64.getDecoder().decode(maps.get("outputValues").asText());
        int points = SessionEvents.LIVE_GRID * SessionEvents.LIVE_GRID;
        assertThat(p).hasSize(points * 4);
        // each point's row is its class probabilities, one byte each: they sum to about 255
        var pass = colouredExperiment.model().forward(io.github.drawnet.api.Dataset.grid(SessionEvents.LIVE_GRID));
        for (int i : new int[] {0, 1234, points - 1}) {
            int sum = 0;
            for (int k = 0; k < 4; k++) {
                int v = p[i * 4 + k] & 0xff;
                assertThat(v).isEqualTo(Math.round(pass.probability(i, k) * 255));
                sum += v;
            }
            assertThat(sum).isBetween(253, 257);
        }
        assertThat(maps.get("layers").get(1).get("w")).as("four output units").hasSize(4);
        // a two-class network's maps say 2 classes and keep one byte a point and the output's map
        ObjectNode binary = new SessionEvents(new NotebookVisualizer()).maps(experiment.model(), 2);
        assertThat(binary.get("classes").asInt()).isEqualTo(2);
        assertThat(Base64.getDecoder().decode(binary.get("outputValues").asText())).hasSize(points);
        assertThat(binary.get("output").asText()).startsWith("data:image/png;base64,");
    }

    @Test
    void events_pointsOfFourClasses_labelledByIndex_withTheClassesColours() throws Exception {
        ObjectNode n = SessionEvents.classes(JSON.createObjectNode(), coloured.drawing());
        assertThat(n.get("classCount").asInt()).isEqualTo(4);
        JsonNode classes = n.get("classes");
        assertThat(classes).hasSize(4);
        assertThat(classes.get(0).get("name").asText()).isEqualTo("background");
        double total = 0;
        for (int k = 0; k < 4; k++) {
            assertThat(classes.get(k).get("colour").asText()).isEqualTo(coloured.drawing().classes().get(k).hex());
            assertThat(classes.get(k).get("shown").asText()).as("as the report shows it")
                    .isEqualTo(k == 0 ? "#c4c4c4" : coloured.drawing().classes().get(k).hex());
            total += classes.get(k).get("share").asDouble();
            if (k > 1) {
                assertThat(classes.get(k).get("share").asDouble()).as("largest first")
                        .isLessThanOrEqualTo(classes.get(k - 1).get("share").asDouble());
            }
        }
        assertThat(total).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SessionEvents.classes(JSON.createObjectNode(), Preset.BLOB.drawing()).toString())
                .isEqualTo("{\"classCount\":2,\"classes\":[]}");
        // the points the page draws: labels are class indices
        var train = coloured.data().train();
        ObjectNode points = JSON.createObjectNode();
        SessionEvents.points(points, train);
        java.util.Set<Integer> labels = new java.util.TreeSet<>();
        for (int i = 0; i < train.size(); i++) {
            assertThat(points.get("label").get(i).asInt()).isEqualTo(train.classOf(i));
            labels.add(points.get("label").get(i).asInt());
        }
        assertThat(labels).containsExactly(0, 1, 2, 3);
    }

    @Test
    void events_doneOfFourClasses_perClassAccuracyConfusionAndDownloads() throws Exception {
        ObjectNode done = new SessionEvents(new NotebookVisualizer()).done(coloured);
        assertThat(done.get("classes").asInt()).isEqualTo(4);
        assertThat(done.get("balancedAccuracy").asDouble()).isEqualTo(coloured.test().balancedAccuracy());
        double[] recalls = coloured.test().classAccuracies();
        for (int k = 0; k < 4; k++) {
            assertThat(done.get("classAccuracies").get(k).asDouble()).isEqualTo(recalls[k]);
        }
        JsonNode m = done.get("confusion");
        assertThat(m).hasSize(4);
        long total = 0;
        for (int actual = 0; actual < 4; actual++) {
            assertThat(m.get(actual)).hasSize(4);
            for (int predicted = 0; predicted < 4; predicted++) {
                assertThat(m.get(actual).get(predicted).asLong())
                        .isEqualTo(coloured.test().confusion().count(actual, predicted));
                total += m.get(actual).get(predicted).asLong();
            }
        }
        assertThat(total).isEqualTo(120);
        assertThat(done.get("boundary").asText()).startsWith("data:image/png;base64,");
        assertThat(done.get("downloads").toString())
                .isEqualTo("[\"drawing.png\",\"report.html\",\"model.json\",\"points.csv\"]");
        // a two-class run says so, without per-class figures
        ObjectNode binary = new SessionEvents(new NotebookVisualizer()).done(result);
        assertThat(binary.get("classes").asInt()).isEqualTo(2);
        assertThat(binary.has("confusion")).isFalse();
    }

    @Test
    void downloads_ofFourClasses_modelReadsBackWithThem_pointsLabelledByIndex() throws Exception {
        byte[] png = {1, 2, 3};
        try (SessionDownloads d = new SessionDownloads("fedcba9876543210", new NotebookVisualizer())) {
            SavedModel model = SavedModel.parse(d.get("model.json", coloured, png), "model.json");
            assertThat(model.spec().classes()).isEqualTo(4);
            assertThat(model.drawing().classes()).isEqualTo(coloured.drawing().classes());
            assertThat(model.parameters()).isEqualTo(coloured.finalParameters());
            List<String> points = new String(d.get("points.csv", coloured, png), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#")).toList();
            assertThat(points.stream().skip(1).map(l -> l.split(",")[2]).distinct().sorted())
                    .containsExactly("0", "1", "2", "3");
            String report = new String(d.get("report.html", coloured, png), StandardCharsets.UTF_8);
            assertThat(report).startsWith("<!DOCTYPE html>").contains(coloured.drawing().classes().get(1).hex());
        }
    }

    @Test
    void downloads_closed_theirTemporaryFolderRemoved() throws Exception {
        java.nio.file.Path tmp = java.nio.file.Path.of(System.getProperty("java.io.tmpdir"));
        java.util.function.Supplier<List<java.nio.file.Path>> folders = () -> {
            try (var s = java.nio.file.Files.list(tmp)) {
                return s.filter(p -> p.getFileName().toString().startsWith("drawnet-studio-c105ed00-")).toList();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        // compared with what was there before: another JVM's run of this test may have left one behind
        List<java.nio.file.Path> before = folders.get();
        SessionDownloads d = new SessionDownloads("c105ed0011223344", new NotebookVisualizer());
        d.get("report.html", result, new byte[] {1});
        d.get("points.csv", result, new byte[] {1});
        List<java.nio.file.Path> made = new java.util.ArrayList<>(folders.get());
        made.removeAll(before);
        assertThat(made).hasSize(1);
        assertThat(java.nio.file.Files.list(made.get(0)).count()).isPositive();
        d.close();
        assertThat(made.get(0)).doesNotExist();
        assertThat(folders.get()).containsExactlyInAnyOrderElementsOf(before);
        d.close(); // twice is harmless
    }

    @Test
    void downloads_eachFileOfTheFinishedRun() throws Exception {
        byte[] png = {1, 2, 3};
        try (SessionDownloads d = new SessionDownloads("0123456789abcdef", new NotebookVisualizer())) {
            assertThat(d.get("drawing.png", result, png)).isSameAs(png);
            String report = new String(d.get("report.html", result, png), StandardCharsets.UTF_8);
            assertThat(report).startsWith("<!DOCTYPE html>").contains("blob");
            SavedModel model = SavedModel.parse(d.get("model.json", result, png), "model.json");
            assertThat(model.parameters()).isEqualTo(result.finalParameters());
            assertThat(model.history()).isEqualTo(result.history());
            List<String> points = new String(d.get("points.csv", result, png), StandardCharsets.UTF_8).lines().toList();
            assertThat(points).hasSize(1 + 200 + 50 + 80).first().isEqualTo("x1,x2,label,split");
            assertThatThrownBy(() -> d.get("secrets.txt", result, png)).isInstanceOf(StudioException.class)
                    .hasMessage("no such download: secrets.txt; there are drawing.png, report.html, model.json, points.csv")
                    .satisfies(e -> assertThat(((StudioException) e).status()).isEqualTo(404));
        }
    }
}
