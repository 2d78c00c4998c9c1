package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.viz.ReportFiles.Format;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

final class ReportFilesTest {

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "png,svg; PNG SVG; png,svg",
        "svg,png; PNG SVG; png,svg",
        "PNG; PNG; png",
        " svg ; SVG; svg",
        "png, svg; PNG SVG; png,svg",
        "none; ; none",
        "NONE; ; none"})
    void parseFormats_validSpellings_formatsAndTheirCanonicalText(String text, String expected, String canonical) {
        Set<Format> parsed = ReportFiles.parseFormats(text);
        EnumSet<Format> want = EnumSet.noneOf(Format.class);
        if (expected != null) {
            for (String f : expected.split(" ")) {
                want.add(Format.valueOf(f));
            }
        }
        assertThat(parsed).isEqualTo(want);
        assertThat(new ReportFiles(parsed, true).formatsText()).isEqualTo(canonical);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "jpg", "png,png", "png,", ",svg", "none,png", "png;svg", "pdf"})
    void parseFormats_anythingElse_refusedNamingTheValue(String text) {
        assertThatThrownBy(() -> ReportFiles.parseFormats(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("formats must be png, svg, png,svg or none, got '" + text + "'");
    }

    @Test
    void figureFileNames_followTheFormats_pngFirst() {
        assertThat(ReportFiles.all().figureFileNames("network")).containsExactly("network.png", "network.svg");
        assertThat(new ReportFiles(EnumSet.of(Format.SVG), true).figureFileNames("network"))
                .containsExactly("network.svg");
        assertThat(new ReportFiles(Set.of(), true).figureFileNames("network")).isEmpty();
        assertThat(ReportFiles.all().figureFileNames("a", "b")).containsExactly("a.png", "a.svg", "b.png", "b.svg");
    }

    @Test
    void drawsFigures_onlyWhenAFigureFileOrTheReportIsAsked() {
        assertThat(new ReportFiles(Set.of(), false).drawsFigures()).isFalse();
        assertThat(new ReportFiles(Set.of(), true).drawsFigures()).isTrue();
        assertThat(new ReportFiles(EnumSet.of(Format.PNG), false).drawsFigures()).isTrue();
        assertThat(ReportFiles.all().writes(Format.SVG)).isTrue();
        assertThat(new ReportFiles(EnumSet.of(Format.PNG), true).writes(Format.SVG)).isFalse();
    }

    @Test
    void visualizerDefault_refusesAChoiceItCannotMake() {
        Visualizer v = new Visualizer() {
            @Override
            public List<java.nio.file.Path> render(ExperimentResult result, java.nio.file.Path directory) {
                return List.of();
            }

            @Override
            public Report report(ExperimentResult result, java.nio.file.Path directory) {
                return new Report(List.of(), directory.resolve("r.html"));
            }

            @Override
            public byte[] decisionBoundaryPng(ExperimentResult result) {
                return new byte[0];
            }

            @Override
            public MapImage mapPng(float[] values, int side, Activation activation) {
                return new MapImage(new byte[0], 0, 1);
            }

            @Override
            public byte[] networkPng(NetworkSpec spec, Parameters parameters) {
                return new byte[0];
            }
        };
        assertThatThrownBy(() -> v.report(null, java.nio.file.Path.of("x"), new ReportFiles(Set.of(), true)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("cannot write only");
        assertThat(v.reportFileNames(new ReportFiles(Set.of(), true))).isEmpty();
    }
}
