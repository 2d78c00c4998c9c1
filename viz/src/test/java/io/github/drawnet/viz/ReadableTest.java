package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.DrawingClass;
import io.github.drawnet.api.ExperimentResult;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * Readable for students: classes called by their colours' names in the figures and the report (the
 * code in a tooltip or a smaller line), and the report saying what each figure shows in plain words,
 * the technical terms in its "technical details" lines.
 */
final class ReadableTest {

    /** Three classes drawn in the palette's orange and sky blue, around the background. */
    static final ExperimentResult PALETTE_THREE = inColours(ClassResults.result(ClassResults.THREE, 300, 0, 5),
            0xe69f00, 0x56b4e9);

    /** Returns {@code r} with its drawing's classes (but the background) in the colours {@code rgb}, pixels kept. */
    static ExperimentResult inColours(ExperimentResult r, int... rgb) {
        Drawing d = r.drawing();
        int[] map = new int[d.width() * d.height()];
        for (int row = 0; row < d.height(); row++) {
            for (int col = 0; col < d.width(); col++) {
                map[row * d.width() + col] = d.classOf(col, row);
            }
        }
        List<DrawingClass> classes = new ArrayList<>();
        classes.add(DrawingClass.background());
        for (int c : rgb) {
            classes.add(DrawingClass.ofColour(c));
        }
        return r.toBuilder().drawing(Drawing.ofClasses(d.name(), d.width(), d.height(), map, classes)).build();
    }

    @Test
    void classView_paletteColours_namedByTheirNames_codeKept() {
        ClassView v = ClassView.of(PALETTE_THREE);
        assertThat(List.of(v.name(0), v.name(1), v.name(2))).containsExactly("background", "orange", "sky blue");
        assertThat(List.of(v.code(0), v.code(1), v.code(2))).containsExactly("", "#e69f00", "#56b4e9");
        assertThat(v.nameAndCode(1)).isEqualTo("orange (#e69f00)");
        assertThat(v.nameAndCode(0)).isEqualTo("background");
        // a colour without a name keeps its code as its name, once
        ClassView other = ClassView.of(ClassResults.result(ClassResults.THREE, 300));
        assertThat(other.name(1)).isEqualTo("#e41a1c");
        assertThat(other.nameAndCode(1)).isEqualTo("#e41a1c");
    }

    @Test
    void legends_paletteColours_nameFirst_codeOnTheSmallerLine() {
        Svg drawing = Svg.of(ClassFigures.drawing(PALETTE_THREE));
        drawing.text("orange");
        drawing.text("sky blue");
        assertThat(drawing.texts.stream().map(Svg.Text::text).filter(t -> t.startsWith("#e69f00, ")).toList())
                .hasSize(1).allSatisfy(t -> assertThat(t).matches("#e69f00, \\d+ px, [0-9.]+%"));
        Svg map = Svg.of(ClassFigures.classMap(PALETTE_THREE));
        map.text("orange");
        map.text("sky blue");
        assertThat(map.texts.stream().map(Svg.Text::text).filter(t -> t.matches("#56b4e9, \\d+ test points"))).hasSize(1);
        Svg confusion = Svg.of(ClassFigures.confusion(PALETTE_THREE));
        assertThat(confusion.texts("orange")).hasSize(2); // the column's and the row's
        Svg probabilities = Svg.of(ClassFigures.probabilities(PALETTE_THREE));
        probabilities.text("Class 2: sky blue");
        probabilities.text("probability of sky blue");
        Svg network = Svg.of(NotebookVisualizer.network(PALETTE_THREE));
        network.text("orange");
        network.text("sky blue");
        XYChart train = ClassFigures.dataCharts(PALETTE_THREE).get(0);
        assertThat(train.getSeriesMap().keySet()).allSatisfy(n -> assertThat(n).doesNotContain("#"))
                .anySatisfy(n -> assertThat(n).startsWith("orange ("))
                .anySatisfy(n -> assertThat(n).startsWith("sky blue ("));
    }

    @Test
    void report_paletteColours_namesInTheText_codesOnlyInTooltipsAndStyles() {
        String html = HtmlReportTest.html(PALETTE_THREE);
        assertThat(html).contains("<span title=\"#e69f00\">orange</span>").contains("<span title=\"#56b4e9\">sky blue</span>");
        // the per-class table's rows, the weights' output rows, the classes' shares
        assertThat(html.split("<span title=\"#e69f00\">orange</span>", -1).length - 1).isGreaterThanOrEqualTo(3);
        // with every attribute's value taken out, no colour code is left in what a reader reads
        String text = html.replaceAll("=\"[^\"]*\"", "=\"\"").replaceAll("<style>.*?</style>", "");
        assertThat(text).doesNotContain("#e69f00").doesNotContain("#56b4e9");
    }

    @Test
    void report_twoClasses_blueAndOrangeNamed_inTheTextAndTheLegends() {
        String html = HtmlReportTest.html(HtmlReportTest.NOTEBOOK_RESULT);
        assertThat(html).contains("label 1 (<span title=\"#0877bd\">blue</span>)")
                .contains("label 0 (<span title=\"#f59322\">orange</span>)");
        assertThat(html).contains("<p class=\"plain\">The picture the network must learn: blue where it was drawn"
                + " (class 1), orange where it was not (class 0)");
        XYChart data = (XYChart) NotebookVisualizer.testPredictionCharts(HtmlReportTest.NOTEBOOK_RESULT).get(1);
        assertThat(data.getSeriesMap().keySet()).allSatisfy(n -> assertThat(n).matches("(blue: label 1|orange: label 0)"
                + " \\(\\d+\\)"));
    }

    /** Returns the report's sections: each {@code <h2>} to the next, the title's text first. */
    static List<String[]> sections(String html) {
        List<String[]> out = new ArrayList<>();
        Matcher m = Pattern.compile("<h2>([^<]*)</h2>(.*?)(?=<h2>|</body>)", Pattern.DOTALL).matcher(html);
        while (m.find()) {
            out.add(new String[] {m.group(1), m.group(2)});
        }
        return out;
    }

    @Test
    void report_everySection_opensWithPlainWords() {
        for (ExperimentResult r : List.of(HtmlReportTest.NOTEBOOK_RESULT, PALETTE_THREE)) {
            String html = HtmlReportTest.html(r);
            List<String[]> sections = sections(html);
            assertThat(sections).hasSizeGreaterThanOrEqualTo(9);
            for (String[] s : sections) {
                // the plain sentence comes before the section's figure or table (the test set's after its headline)
                String body = s[1].replaceFirst("^\\s*<p class=\"headline\">.*?</p>", "").strip();
                assertThat(body).as("section '%s'", s[0]).startsWith("<p class=\"plain\">");
                String plain = body.substring(0, body.indexOf("</p>"));
                assertThat(plain.length()).as("one or two sentences in '%s'", s[0]).isBetween(60, 420);
                assertThat(plain).as("no jargon in '%s'", s[0]).doesNotContain("SHA").doesNotContain("in_features")
                        .doesNotContain("cross-entropy").doesNotContain("softmax").doesNotContain("sigmoid");
            }
        }
    }

    @Test
    void report_jargon_onlyInTechnicalDetails() {
        String html = HtmlReportTest.html(HtmlReportTest.NOTEBOOK_RESULT);
        String outside = html.replaceAll("(?s)<details class=\"tech\">.*?</details>", "");
        assertThat(html).contains("SHA-256").contains("Linear(in_features=");
        assertThat(outside).doesNotContain("Linear(in_features=").doesNotContain("cross-entropy").doesNotContain(
                HtmlReportTest.NOTEBOOK_RESULT.drawing().sha256());
        String colours = HtmlReportTest.html(PALETTE_THREE);
        assertThat(colours).contains("cross-entropy of the softmax");
        assertThat(colours.replaceAll("(?s)<details class=\"tech\">.*?</details>", "")).doesNotContain("cross-entropy")
                .doesNotContain("Linear(in_features=").doesNotContain(PALETTE_THREE.drawing().sha256());
        // the drawing's fingerprint is there, in its details line, and said what it is
        assertThat(html).containsPattern("(?s)<details class=\"tech\"><summary>Technical details</summary>\\s*<table>"
                + "\\s*<tr><th class=\"l\">drawing SHA-256</th><td class=\"l\">[0-9a-f]{64}</td></tr>");
    }
}
