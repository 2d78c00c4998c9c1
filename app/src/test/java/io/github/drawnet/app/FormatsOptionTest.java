package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --formats} and {@code --no-report}: the run's folder (and each report of {@code grade
 * --reports}) holds exactly the chosen files, its manifest lists them, and a bad value is refused
 * before anything is trained or written.
 */
final class FormatsOptionTest {

    static final List<String> DATA = List.of("history.csv", "metrics.json", "parameters.json", "points.csv", "run.json");
    static final List<String> FIGURES = List.of("decision-boundary", "drawing", "hidden-units", "network",
            "test-predictions", "training-curves", "training-data");

    static Stream<Arguments> choices() {
        return Stream.of(
                Arguments.of(List.of("--formats", "png"), List.of("png"), true),
                Arguments.of(List.of("--formats", "svg", "--no-report"), List.of("svg"), false),
                Arguments.of(List.of("--formats", "SVG,png"), List.of("png", "svg"), true),
                Arguments.of(List.of("--formats", "none"), List.of(), true),
                Arguments.of(List.of("--formats", "none", "--no-report"), List.of(), false));
    }

    static String[] small(Path out, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("run", "--backend", "reference", "--preset", "blob", "--epochs", "1",
                "--train-size", "200", "--val-size", "50", "--test-size", "100", "--out", out.toString()));
        args.addAll(extra);
        return args.toArray(String[]::new);
    }

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
        }
    }

    @ParameterizedTest
    @MethodSource("choices")
    void run_formatsAndReport_folderHoldsExactlyTheChosenFiles(List<String> options, List<String> extensions,
            boolean report, @TempDir Path dir) throws IOException {
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run(small(out, options));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<String> expected = new ArrayList<>(DATA);
        for (String f : FIGURES) {
            for (String ext : extensions) {
                expected.add(f + "." + ext);
            }
        }
        if (report) {
            expected.add("report.html");
        }
        assertThat(names(out)).containsExactlyInAnyOrderElementsOf(expected);
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("run.json").toFile());
        List<String> listed = new ArrayList<>();
        manifest.at("/files").forEach(f -> listed.add(f.at("/name").asText()));
        List<String> withoutManifest = new ArrayList<>(expected);
        withoutManifest.remove("run.json");
        assertThat(listed).containsExactlyInAnyOrderElementsOf(withoutManifest);
        assertThat(r.out().contains("Report: ")).isEqualTo(report);
        assertThat(r.out().contains("Figures: ")).isEqualTo(!extensions.isEmpty());
    }

    @ParameterizedTest
    @MethodSource("choices")
    void grade_reportsWithFormatsAndReport_eachCellsFolderHoldsExactlyTheChosenFiles(List<String> options,
            List<String> extensions, boolean report, @TempDir Path dir) throws IOException {
        GradeDrawings.write(dir.resolve("in/dee/xor.png"), io.github.drawnet.sampling.Preset.XOR, 32);
        Path out = dir.resolve("grades");
        List<String> args = new ArrayList<>(List.of("grade", dir.resolve("in").toString(), "--backend", "reference",
                "--out", out.toString(), "--reports"));
        args.addAll(List.of(GradeDrawings.SMALL));
        args.addAll(options);
        CliRunner.Result r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        List<String> expected = new ArrayList<>(List.of("metrics.json"));
        for (String f : FIGURES) {
            for (String ext : extensions) {
                expected.add(f + "." + ext);
            }
        }
        if (report) {
            expected.add("report.html");
        }
        assertThat(names(out.resolve("reports/dee/xor/cell-1-reference"))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void grade_badFormats_refusedBeforeAnythingIsWritten(@TempDir Path dir) throws IOException {
        GradeDrawings.write(dir.resolve("in/xor.png"), io.github.drawnet.sampling.Preset.XOR, 32);
        Path out = dir.resolve("grades");
        CliRunner.Result r = CliRunner.run("grade", dir.resolve("in").toString(), "--backend", "reference", "--out",
                out.toString(), "--reports", "--formats", "jpg");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("drawnet grade: --formats must be png, svg, png,svg or none, got 'jpg'");
        assertThat(out).doesNotExist();
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void run_badFormats_refusedBeforeAnythingIsWritten(String value, @TempDir Path dir) {
        Path out = dir.resolve("run");
        CliRunner.Result r = CliRunner.run(small(out, List.of("--formats", value)));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err().strip()).isEqualTo("drawnet run: --formats must be png, svg, png,svg or none, got '"
                + value + "'");
        assertThat(r.out()).doesNotContain("Epoch 1");
        assertThat(out).doesNotExist();
    }

    static Stream<String> badValues() {
        return Stream.of("jpg", "png,png", "", "png,", "none,png");
    }

    @Test
    void sweep_formatsNone_writesOnlyTheTable(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sweep");
        CliRunner.Result r = CliRunner.run("sweep", "--backend", "reference", "--hidden", "2;4", "--epochs", "1",
                "--train-size", "200", "--val-size", "50", "--test-size", "100", "--formats", "none", "--out",
                out.toString());
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(names(out)).containsExactly("run.json", "sweep.csv");
        assertThat(r.out()).doesNotContain("Figures: ");
    }

    @Test
    void sweep_formatsPng_writesEachFigureAsPngOnly(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("sweep");
        CliRunner.Result r = CliRunner.run("sweep", "--backend", "reference", "--hidden", "2;4", "--epochs", "1",
                "--train-size", "200", "--val-size", "50", "--test-size", "100", "--formats", "png", "--out",
                out.toString());
        assertThat(r.exitCode()).isZero();
        assertThat(names(out)).containsExactly("run.json", "sweep-curves.png", "sweep-maps.png", "sweep.csv");
        assertThat(r.out()).contains("Figures: " + out.resolve("sweep-maps.png") + ", " + out.resolve("sweep-curves.png"));
    }

    @Test
    void help_runContinueSweepGrade_shareOneSpelling() {
        for (String command : List.of("run", "continue", "sweep", "grade")) {
            CliRunner.Result r = CliRunner.run(command, "--help");
            assertThat(r.out()).as(command).contains("--formats=LIST", "png,svg (default), png, svg,");
        }
        assertThat(CliRunner.run("run", "--help").out()).contains("--no-report");
        assertThat(CliRunner.run("continue", "--help").out()).contains("--no-report");
        assertThat(CliRunner.run("grade", "--help").out()).contains("--no-report");
    }
}
