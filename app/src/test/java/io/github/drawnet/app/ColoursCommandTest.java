package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A drawing in colours through the command line: the run prints the classes it found, trains K
 * outputs, writes the class figures and K-class files; continue, compare and sweep take it; binary
 * reading and soft labels behave as the README says.
 */
final class ColoursCommandTest {

    private static final String[] SMALL = {"--preset", "three-blobs", "--hidden", "8", "--train-size", "400",
            "--val-size", "100", "--test-size", "300", "--backend", "reference"};

    private static String[] args(String command, String... more) {
        List<String> all = new java.util.ArrayList<>(List.of(command));
        all.addAll(List.of(SMALL));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }

    @Test
    void run_threeBlobs_printsClassesTrainsFourOutputs_writesClassFigures_andContinues(@TempDir Path dir)
            throws Exception {
        Path model = dir.resolve("m.json");
        CliRunner.Result r = CliRunner.run(args("run", "--epochs", "3", "--save", model.toString(), "--out",
                dir.resolve("o").toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).anySatisfy(l -> assertThat(l).startsWith("Classes: found 4 classes: background "));
        assertThat(r.out()).contains("(output): Linear(in_features=8, out_features=4, bias=True) -> Softmax(dim=1)");
        // classes called by their colours' names, the code beside in the reader's line
        assertThat(r.out()).contains("Points per class (background, vermillion, blue, bluish green): ")
                .contains(", vermillion (#d55e00) ");
        assertThat(r.out()).contains("seed 0, class labels");
        for (String f : List.of("class-map.png", "class-probabilities.svg", "confusion-matrix.png", "report.html")) {
            assertThat(dir.resolve("o").resolve(f)).isNotEmptyFile();
        }
        assertThat(dir.resolve("o/decision-boundary.png")).doesNotExist();
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("o/metrics.json").toFile());
        assertThat(metrics.at("/network/classes").asInt()).isEqualTo(4);
        assertThat(metrics.at("/test/confusion")).hasSize(4);
        List<String> points = Files.readAllLines(dir.resolve("o/points.csv"));
        assertThat(points.stream().skip(1).map(l -> l.split(",")[2]).distinct().sorted())
                .containsExactly("0", "1", "2", "3");

        CliRunner.Result more = CliRunner.run("continue", model.toString(), "--epochs", "2", "--out",
                dir.resolve("more").toString());
        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(more.out()).contains("Epoch 5/5 - Loss: ");
        assertThat(dir.resolve("more/class-map.png")).isNotEmptyFile();
        assertThat(new ObjectMapper().readTree(dir.resolve("more/metrics.json").toFile()).at("/network/classes").asInt())
                .isEqualTo(4);
    }

    @Test
    void run_classesBinary_readsAnyInkAsOneClass(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run(args("run", "--epochs", "1", "--classes", "binary", "--formats", "none",
                "--no-report", "--out", dir.resolve("o").toString()));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("Classes: read 2 classes, as asked (binary): any ink is the positive class");
        assertThat(r.out()).contains("out_features=1, bias=True) -> sigmoid");
        assertThat(r.out()).contains("Positive share: ");
    }

    @Test
    void run_coloursWithSoftLabels_refusedInOneLine(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run(args("run", "--soft-labels", "--out", dir.resolve("o").toString()));
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.err().strip().lines()).singleElement().asString()
                .contains("soft labels need a drawing of two classes; drawing three-blobs has 4");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void run_unknownClassesMode_namesTheValueAndTheChoices(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run(args("run", "--classes", "many", "--out", dir.resolve("o").toString()));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'many'").contains("auto").contains("binary");
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void compareAndSweep_colours_trainFourAndFiveClasses(@TempDir Path dir) {
        CliRunner.Result c = CliRunner.run("compare", "--preset", "three-blobs", "--hidden", "6", "--epochs", "1",
                "--train-size", "300", "--val-size", "60", "--test-size", "100", "--backends", "reference,reference");
        assertThat(c.exitCode()).as(c.err()).isZero();
        assertThat(c.out()).contains("out_features=4");
        CliRunner.Result s = CliRunner.run("sweep", "--preset", "quadrants", "--epochs", "1", "--train-size", "300",
                "--val-size", "60", "--test-size", "100", "--backend", "reference", "--hidden", "4;8", "--out",
                dir.resolve("s").toString());
        assertThat(s.exitCode()).as(s.err()).isZero();
        assertThat(s.out()).contains("Swept 2 cells");
        assertThat(dir.resolve("s/sweep-maps.png")).isNotEmptyFile();
    }
}
