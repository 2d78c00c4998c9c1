package io.github.drawnet.viz;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Activation;
import io.github.drawnet.api.Drawing;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.LabelMode;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.NetworkSpec;
import io.github.drawnet.api.Optimizer;
import io.github.drawnet.api.Parameters;
import io.github.drawnet.api.StopReason;
import io.github.drawnet.api.TrainingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The report's text for a result whose every setting is known: each setting in the configuration
 * table with its value, the epoch table, the weights, the confusion counts. The figures are not
 * drawn here (the report embeds whatever bytes it is given).
 */
final class HtmlReportTest {

    static final NetworkSpec DEEP = new NetworkSpec(List.of(Feature.X1, Feature.X2, Feature.X1_SQUARED),
            List.of(3, 2), Activation.TANH);
    static final Parameters DEEP_PARAMETERS = Parameters.initial(DEEP, 3);

    /** 6 training points (2 positive), 4 validation (1 positive), 8 test (4 positive). */
    static final ExperimentResult DEEP_RESULT = Results.builder()
            .drawing(Drawing.of("my <drawing> & co", 4, 4, Results.topHalf().coverage()))
            .spec(DEEP, DEEP_PARAMETERS)
            .train(Results.points(new double[] {0.1, 0.9, 1}, new double[] {0.2, 0.8, 1}, new double[] {0.3, 0.1, 0},
                    new double[] {0.4, 0.2, 0}, new double[] {0.5, 0.3, 0}, new double[] {0.6, 0.4, 0}))
            .validation(Results.points(new double[] {0.1, 0.9, 1}, new double[] {0.3, 0.1, 0},
                    new double[] {0.4, 0.2, 0}, new double[] {0.5, 0.3, 0}))
            .test(Results.points(new double[] {0.1, 0.9, 1}, new double[] {0.2, 0.8, 1}, new double[] {0.3, 0.7, 1},
                    new double[] {0.4, 0.6, 1}, new double[] {0.5, 0.3, 0}, new double[] {0.6, 0.2, 0},
                    new double[] {0.7, 0.1, 0}, new double[] {0.8, 0.0, 0}))
            .predictions(0.9f, 0.8f, 0.3f, 0.5f, 0.7f, 0.1f, 0.2f, 0.4f)
            .config(new TrainingConfig(Optimizer.SGD, 0.05, 16, 5, 0.001, 0.002, 42, false))
            .training(Results.history(3), StopReason.STOPPED, "stopped after 3 epochs")
            .sampling(7, LabelMode.SOFT, 0.1)
            .backendName("Java 17 reference")
            .build();

    static final ExperimentResult NOTEBOOK_RESULT = Results.builder()
            .spec(NetworkSpec.notebook(), Parameters.initial(NetworkSpec.notebook(), 0))
            .config(TrainingConfig.notebook().withEpochs(3))
            .build();

    static final ExperimentResult LOGISTIC_RESULT = Results.builder().build();

    static String html(ExperimentResult r) {
        List<Figure> figures = new NotebookVisualizer().figures(r);
        Map<String, byte[]> png = new LinkedHashMap<>();
        for (Figure f : figures) {
            png.put(f.name(), new byte[] {1, 2, 3});
        }
        return HtmlReport.html(r, figures, png);
    }

    /** Returns the report of the deep result, written anew for each test (see {@link MapPanelTest#tanh()}). */
    static String deepHtml() {
        return html(DEEP_RESULT);
    }

    static String row(String key, String value) {
        return "<tr><th class=\"l\">" + key + "</th><td class=\"l\">" + value + "</td></tr>";
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "backend | reference (Java 17 reference)",
        "drawing | my &lt;drawing&gt; &amp; co, 4 x 4 pixels, 50.0% drawn",
        "seed | 42",
        "points | 6 training, 4 validation, 8 test (sampling seed 7)",
        "labels | soft, 10% of training labels flipped",
        "positive share | 33.3% training, 25.0% validation, 50.0% test",
        "inputs | x1, x2, x1²",
        "hidden layers | [3, 2]",
        "activation | tanh (output: sigmoid)",
        "weights and biases | 23",
        "optimizer | sgd, learning rate 0.05, weight decay 0.001, l1 penalty 0.002",
        "batches | size 16, fixed order",
        "epochs | 3 of 5 (stopped)"
    })
    void html_everySetting_rowWithItsValue(String key, String value) {
        String html = deepHtml();
        assertThat(html).contains(row(key, value));
    }

    @Test
    void html_drawing_rowWithItsSha256() {
        String html = deepHtml();
        assertThat(html).contains(row("drawing SHA-256", DEEP_RESULT.drawing().sha256()));
    }

    @Test
    void html_notebookSettings_noNoiseOneHiddenLayerShuffled() {
        String h = html(NOTEBOOK_RESULT);
        assertThat(h).contains(row("labels", "binary"));
        assertThat(h).contains(row("hidden layers", "[4]"));
        assertThat(h).contains(row("batches", "size 24, shuffled each epoch"));
        assertThat(h).contains(row("optimizer", "adam, learning rate 0.01, weight decay 0.0"));
        assertThat(h).contains(row("epochs", "3 of 3 (completed)"));
        assertThat(h).contains("<table><tr><th class=\"l\">Hidden layer</th>");
        assertThat(h).contains("<table><tr><th class=\"l\">Output layer</th><th>w from unit 1</th>");
        assertThat(h).doesNotContain("Hidden layer 1");
    }

    @Test
    void html_noHiddenLayer_saysNone_outputLayerTakesTheInputs() {
        String h = html(LOGISTIC_RESULT);
        assertThat(h).contains(row("hidden layers", "none"));
        assertThat(h).contains("<table><tr><th class=\"l\">Output layer</th><th>w from x1</th><th>w from x2</th>"
                + "<th>bias</th></tr>\n<tr><td class=\"l\">output</td><td>0.0000</td><td>20.0000</td>"
                + "<td>-10.0000</td></tr>");
        assertThat(h).doesNotContain("Hidden layer");
    }

    @Test
    void html_headline_accuracyBalancedAccuracyMessageTimeAndBackend() {
        String html = deepHtml();
        assertThat(DEEP_RESULT.test().accuracy()).isEqualTo(0.75);
        assertThat(html).contains("<p class=\"headline\">Accuracy on the test set: <b>0.7500</b> &nbsp;·&nbsp;"
                + " balanced accuracy 0.7500 &nbsp;·&nbsp; stopped after 3 epochs in 1.25 s on Java 17 reference</p>");
        assertThat(html).contains("<title>Drawnet report: my &lt;drawing&gt; &amp; co on reference</title>");
        assertThat(html).contains("<h1>Drawnet: a network learns the drawing 'my &lt;drawing&gt; &amp; co'</h1>");
    }

    @Test
    void html_epochTable_oneRowPerEpochFourDecimals() {
        String html = deepHtml();
        assertThat(html).contains("3 epochs (click to show the table)");
        for (EpochMetrics m : DEEP_RESULT.history().epochs()) {
            assertThat(html).contains(String.format(Locale.ROOT,
                    "<tr><td>%d</td><td>%.4f</td><td>%.4f</td><td>%.4f</td><td>%.4f</td></tr>", m.epoch(),
                    m.trainLoss(), m.trainAccuracy(), m.validationLoss(), m.validationAccuracy()));
        }
    }

    @Test
    void html_weights_oneTablePerLayerHeadedByItsInputs() {
        String html = deepHtml();
        assertThat(html).contains("<table><tr><th class=\"l\">Hidden layer 1</th><th>w from x1</th>"
                + "<th>w from x2</th><th>w from x1²</th><th>bias</th></tr>");
        assertThat(html).contains("<table><tr><th class=\"l\">Hidden layer 2</th><th>w from unit 1</th>"
                + "<th>w from unit 2</th><th>w from unit 3</th><th>bias</th></tr>");
        assertThat(html).contains("<table><tr><th class=\"l\">Output layer</th><th>w from unit 1</th>"
                + "<th>w from unit 2</th><th>bias</th></tr>");
        // each in a box of its own that scrolls sideways: a layer of 16 units is wider than the page
        assertThat(html).contains(".scroll{overflow-x:auto;max-width:100%}");
        // and on a phone the page is the phone's width (no zoomed-out desktop page), long codes wrap
        assertThat(html).contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .contains("td.l{overflow-wrap:anywhere}");
        List<LayerParameters> layers = DEEP_PARAMETERS.layers();
        assertThat(html.split("<div class=\"scroll\"><table><tr><th class=\"l\">(Hidden|Output) layer", -1))
                .hasSize(layers.size() + 1);
        assertThat(html.split("</table></div>", -1)).hasSizeGreaterThanOrEqualTo(layers.size() + 1);
        for (int l = 0; l < layers.size(); l++) {
            LayerParameters layer = layers.get(l);
            for (int o = 0; o < layer.outputs(); o++) {
                StringBuilder row = new StringBuilder("<tr><td class=\"l\">")
                        .append(l == layers.size() - 1 ? "output" : "unit " + (o + 1)).append("</td>");
                for (int i = 0; i < layer.inputs(); i++) {
                    row.append(String.format(Locale.ROOT, "<td>%.4f</td>", layer.weight(o, i)));
                }
                row.append(String.format(Locale.ROOT, "<td>%.4f</td></tr>", layer.bias(o)));
                assertThat(html).as("layer %d unit %d", l, o).contains(row);
            }
        }
    }

    @Test
    void html_testSection_confusionCountsLossAndBalancedAccuracy() {
        String html = deepHtml();
        // labels 1,1,1,1,0,0,0,0 against p .9 .8 .3 .5 | .7 .1 .2 .4: p = 0.5 is predicted 1
        // each label named by its colour, the code in a tooltip
        assertThat(html).contains("<th>predicted 1 (<span title=\"#0877bd\">blue</span>)</th>"
                + "<th>predicted 0 (<span title=\"#f59322\">orange</span>)</th>");
        assertThat(html).contains("<tr><th class=\"l\">label 1 (<span title=\"#0877bd\">blue</span>)</th><td>3</td>"
                + "<td>1</td></tr>");
        assertThat(html).contains("<tr><th class=\"l\">label 0 (<span title=\"#f59322\">orange</span>)</th><td>1</td>"
                + "<td>3</td></tr>");
        // the loss's and balanced accuracy's definitions are technical details
        assertThat(html).contains(String.format(Locale.ROOT, "<details class=\"tech\"><summary>Technical details"
                + "</summary>\nLoss %.4f, balanced accuracy 0.7500",
                DEEP_RESULT.test().loss()));
    }

    @Test
    void html_figures_embeddedInTheNotebooksOrderWithCaptions() {
        String html = deepHtml();
        Matcher m = Pattern.compile("<figure id=\"([a-z-]+)\"><img alt=\"([^\"]*)\" width=\"(\\d+)\" "
                + "src=\"data:image/png;base64,AQID\"><figcaption>([^<]*)</figcaption></figure>").matcher(html);
        List<String> ids = new java.util.ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
            assertThat(m.group(4)).isEqualTo(m.group(2) + " (" + m.group(1) + ".png, .svg)");
        }
        assertThat(ids).containsExactly("drawing", "training-data", "network", "hidden-units", "training-curves",
                "test-predictions", "decision-boundary");
    }

    @Test
    void esc_htmlSpecialCharacters_escaped() {
        assertThat(HtmlReport.esc("a<b & \"c\">")).isEqualTo("a&lt;b &amp; &quot;c&quot;&gt;");
    }

    @Test
    void html_hiddenView_pointsPlacedByTheLastHiddenLayersTwoUnits_colouredByClass() {
        String h = deepHtml();
        int start = h.indexOf("<figure id=\"hidden-view\">");
        assertThat(start).isGreaterThan(h.indexOf("<figure id=\"hidden-units\""));
        String figure = h.substring(start, h.indexOf("</figure>", start));
        Matcher m = Pattern.compile("<circle cx=\"([0-9.]+)\" cy=\"([0-9.]+)\" r=\"2.4\" fill=\"(#[0-9a-f]+)\"/>")
                .matcher(figure);
        // the last hidden layer has 2 units: unit 1 across, unit 2 up, each scaled to the points' range
        io.github.drawnet.api.LayerActivations last = DEEP_RESULT.grid().hidden().get(1);
        int g = DEEP_RESULT.gridResolution();
        io.github.drawnet.api.Dataset train = DEEP_RESULT.data().train();
        double[][] raw = new double[2][train.size()];
        for (int i = 0; i < train.size(); i++) {
            int cell = (int) Math.round(train.x2(i) * (g - 1)) * g + (int) Math.round(train.x1(i) * (g - 1));
            raw[0][i] = last.value(cell, 0);
            raw[1][i] = last.value(cell, 1);
        }
        double[][] scaled = HiddenProjection.unitScaled(raw);
        int i = 0;
        while (m.find()) {
            assertThat(Double.parseDouble(m.group(1))).as("cx of point %d", i).isCloseTo(8 + scaled[0][i] * 304,
                    org.assertj.core.data.Offset.offset(0.06));
            assertThat(Double.parseDouble(m.group(2))).as("cy of point %d", i).isCloseTo(312 - scaled[1][i] * 304,
                    org.assertj.core.data.Offset.offset(0.06));
            assertThat(m.group(3)).isEqualTo(train.label(i) >= 0.5 ? "#0877bd" : "#f59322");
            i++;
        }
        assertThat(i).isEqualTo(6);
        assertThat(figure).contains("hidden layer 2's unit 1 (across) and unit 2 (up)");
        // a notebook network's 4 units: their principal components
        assertThat(html(NOTEBOOK_RESULT)).contains("the two principal components of the 4 units of hidden layer 1");
        // no hidden layer, nothing to see
        assertThat(html(LOGISTIC_RESULT)).doesNotContain("hidden-view").doesNotContain("What the hidden layer sees");
    }
}
