package io.github.drawnet.viz;

import io.github.drawnet.api.internal.AtomicFiles;
import io.github.drawnet.api.ConfusionMatrix;
import io.github.drawnet.api.DataSplits;
import io.github.drawnet.api.EpochMetrics;
import io.github.drawnet.api.Evaluation;
import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.api.Feature;
import io.github.drawnet.api.LayerParameters;
import io.github.drawnet.api.Provenance;
import io.github.drawnet.api.TrainingConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes the experiment's figures (PNG and SVG) and {@code report.html}: one self-contained file,
 * figures embedded, that shows the configuration and seed, every figure in the notebook's order, the
 * per-epoch table, the learned weights and the test accuracy. Written for a student: each figure comes
 * with a sentence or two in plain words saying what it shows, classes are called by their colours'
 * names (the code in a tooltip), and the technical terms (the drawing's SHA-256, the network as
 * PyTorch prints it, the grid and the losses' names) wait in a "technical details" line.
 */
public final class HtmlReport {

    /** The report's file name. */
    public static final String FILE_NAME = "report.html";

    /** What was written: the figure files, and the report (null when not written). */
    public record Output(List<Path> figures, Path report) {}

    private HtmlReport() {}

    /**
     * Writes every figure of {@code r} and the report into {@code dir}, each file atomically.
     *
     * @throws IOException when a file cannot be written
     */
    public static Output write(ExperimentResult r, Path dir) throws IOException {
        return write(r, dir, ReportFiles.all());
    }

    /**
     * Writes the figures of {@code r} in the formats {@code files} names and, when it asks, the report
     * into {@code dir}, each file atomically. The figures are drawn in parallel on the available cores;
     * nothing is drawn when neither a figure file nor the report is asked for.
     *
     * @return the figure files (each figure's PNG, or its SVG when only SVG was asked for) and the
     *     report, null when not written
     * @throws IOException when a file cannot be written
     */
    public static Output write(ExperimentResult r, Path dir, ReportFiles files) throws IOException {
        if (!files.drawsFigures()) {
            return new Output(List.of(), null);
        }
        List<Figure> figures = new NotebookVisualizer().figures(r);
        boolean png = files.html() || files.writes(ReportFiles.Format.PNG); // the report embeds the PNGs
        boolean svg = files.writes(ReportFiles.Format.SVG);
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        List<Path> written = new ArrayList<>();
        boolean pngFiles = files.writes(ReportFiles.Format.PNG);
        // each figure's files are written (and hashed, in a run's staging folder) on the thread that drew it
        List<FigureWriter.Encoded> encoded = FigureWriter.encodeAll(figures, png, svg, e -> {
            if (pngFiles) {
                AtomicFiles.write(dir.resolve(e.figure().name() + ".png"), e.png());
            }
            if (svg) {
                AtomicFiles.write(dir.resolve(e.figure().name() + ".svg"), e.svg());
            }
        });
        for (FigureWriter.Encoded e : encoded) {
            String name = e.figure().name();
            pngs.put(name, e.png());
            Path first = pngFiles ? dir.resolve(name + ".png") : null;
            if (svg) {
                first = first == null ? dir.resolve(name + ".svg") : first;
            }
            if (first != null) {
                written.add(first);
            }
        }
        Path report = null;
        if (files.html()) {
            report = dir.resolve(FILE_NAME);
            AtomicFiles.write(report, html(r, figures, pngs).getBytes(StandardCharsets.UTF_8));
        }
        return new Output(written, report);
    }

    static String html(ExperimentResult r, List<Figure> figures, Map<String, byte[]> png) {
        Map<String, Figure> byName = figures.stream().collect(Collectors.toMap(Figure::name, f -> f));
        DataSplits data = r.data();
        Provenance p = data.provenance();
        TrainingConfig c = r.config();
        Evaluation test = r.test();
        boolean multi = ClassView.isMulti(r);
        ClassView classes = multi ? ClassView.of(r) : null;
        StringBuilder h = new StringBuilder(1 << 16);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Drawnet report: ")
                .append(esc(p.drawing())).append(" on ").append(esc(r.backendId())).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'DejaVu Sans',sans-serif;max-width:1120px;margin:24px auto;"
                        + "padding:0 16px;color:#222;line-height:1.45}\n")
                .append("h1{font-size:1.6em;margin-bottom:4px}h2{margin-top:32px;border-bottom:1px solid #ddd;"
                        + "padding-bottom:4px}\n")
                .append(".headline{font-size:1.3em;background:#f3f7fb;border-left:6px solid #08519c;padding:10px 14px}\n")
                .append("table{border-collapse:collapse;font-size:0.9em}td,th{border:1px solid #ddd;padding:3px 8px;"
                        + "text-align:right}th{background:#f5f5f5}td.l,th.l{text-align:left}td.l{overflow-wrap:anywhere}\n")
                .append("img{max-width:100%;height:auto;border:1px solid #eee}figure{margin:12px 0}"
                        + "figcaption{color:#555;font-size:0.9em}\n")
                .append("pre{background:#f8f8f8;padding:8px;overflow-x:auto}.grid{display:flex;gap:24px;flex-wrap:wrap}\n")
                // a layer of many units is a wide table: it scrolls in its own box, the page never sideways
                .append(".scroll{overflow-x:auto;max-width:100%}\n")
                .append(".swatch{display:inline-block;width:0.9em;height:0.9em;border:1px solid #444;"
                        + "vertical-align:-0.1em;margin-right:6px}\n")
                .append("p.plain{max-width:52em}details.tech{color:#555;font-size:0.85em;margin:4px 0 8px}"
                        + "details.tech summary{font-weight:normal;cursor:pointer}\n")
                .append("</style></head><body>\n");
        h.append("<h1>Drawnet: a network learns the drawing '").append(esc(p.drawing())).append("'</h1>\n");
        h.append("<p class=\"headline\">Accuracy on the test set: <b>").append(f4(test.accuracy()))
                .append("</b> &nbsp;·&nbsp; balanced accuracy ").append(f4(test.balancedAccuracy()))
                .append(" &nbsp;·&nbsp; ").append(esc(r.training().message())).append(" in ")
                .append(String.format(Locale.ROOT, "%.2f s", r.trainingTime().toNanos() / 1e9)).append(" on ")
                .append(esc(r.backendName())).append("</p>\n");
        h.append("<p class=\"plain\">").append(esc(PlainWords.headline(r))).append("</p>\n");

        h.append("<h2>Configuration</h2>\n<p class=\"plain\">").append(esc(PlainWords.CONFIGURATION)).append("</p>\n")
                .append("<div class=\"grid\"><table>\n");
        row(h, "backend", r.backendId() + " (" + r.backendName() + ")");
        row(h, "drawing", p.drawing() + ", " + p.width() + " x " + p.height() + " pixels, "
                + String.format(Locale.ROOT, "%.1f%%", 100 * r.drawing().positiveShare()) + " drawn"
                + (multi ? " in " + (classes.count() - 1) + " colours" : ""));
        row(h, "seed", Long.toString(c.seed()));
        row(h, "points", p.sizes().train() + " training, " + p.sizes().validation() + " validation, "
                + p.sizes().test() + " test (sampling seed " + p.seed() + ")");
        row(h, "labels", (multi ? "class index" : p.labelMode().id()) + (p.noise() > 0 ? String.format(Locale.ROOT,
                ", %.0f%% of training labels flipped", 100 * p.noise()) : ""));
        if (multi) {
            rawRow(h, "classes", classSharesHtml(classes, data.train()) + " of the training points");
        } else {
            row(h, "positive share", String.format(Locale.ROOT, "%.1f%% training, %.1f%% validation, %.1f%% test",
                    100 * data.train().positiveShare(), 100 * data.validation().positiveShare(),
                    100 * data.test().positiveShare()));
        }
        h.append("</table><table>\n");
        row(h, "inputs", r.spec().inputs().stream().map(Feature::label).collect(Collectors.joining(", ")));
        row(h, "hidden layers", r.spec().hidden().isEmpty() ? "none" : r.spec().hidden().toString());
        row(h, "activation", r.spec().activation().id() + (multi ? " (output: softmax over " + classes.count()
                + " classes)" : " (output: sigmoid)"));
        row(h, "weights and biases", Integer.toString(r.spec().parameterCount()));
        row(h, "optimizer", c.optimizer().id() + ", learning rate " + c.learningRate() + ", weight decay "
                + c.weightDecay() + (c.l1() > 0 ? ", l1 penalty " + c.l1() : ""));
        row(h, "batches", "size " + c.batchSize() + ", " + (c.shuffle() ? "shuffled each epoch" : "fixed order"));
        row(h, "epochs", r.history().size() + " of " + c.epochs() + " (" + r.training().stopReason().name().toLowerCase(
                Locale.ROOT) + ")");
        h.append("</table></div>\n");
        details(h, "<table>\n<tr><th class=\"l\">drawing SHA-256</th><td class=\"l\">" + esc(p.drawingSha256())
                + "</td></tr>\n</table>\nThe SHA-256 is the drawing's fingerprint: another file with the same one holds"
                + " the same pixels.");

        figure(h, "1. The drawing", PlainWords.drawing(multi), byName.get("drawing"), png);
        figure(h, "2. The training data", PlainWords.trainingData(multi), byName.get("training-data"), png);
        h.append("<h2>3. The network</h2>\n");
        plain(h, PlainWords.network(multi));
        figureBody(h, byName.get("network"), png);
        details(h, "The network as PyTorch prints it:\n<pre>" + esc(r.spec().describe()) + "</pre>");

        h.append("<h2>4. Training, epoch by epoch</h2>\n");
        plain(h, PlainWords.EPOCHS);
        h.append("<details><summary>")
                .append(r.history().size()).append(" epochs (click to show the table)</summary>\n<div class=\"scroll\"><table>\n")
                .append("<tr><th>epoch</th><th>loss</th><th>accuracy</th><th>val loss</th><th>val accuracy</th></tr>\n");
        for (EpochMetrics m : r.history().epochs()) {
            h.append("<tr><td>").append(m.epoch()).append("</td><td>").append(f4(m.trainLoss())).append("</td><td>")
                    .append(f4(m.trainAccuracy())).append("</td><td>").append(f4(m.validationLoss())).append("</td><td>")
                    .append(f4(m.validationAccuracy())).append("</td></tr>\n");
        }
        h.append("</table></div></details>\n");

        figure(h, "5. Each hidden unit and the output over the plane", PlainWords.unitMaps(r), byName.get("hidden-units"),
                png);
        details(h, esc(PlainWords.unitMapsDetails(r)));
        HiddenView.append(h, r);

        h.append("<h2>6. The learned weights and biases</h2>\n");
        plain(h, PlainWords.WEIGHTS);
        h.append("<div class=\"grid\">\n");
        List<LayerParameters> layers = r.finalParameters().layers();
        for (int l = 0; l < layers.size(); l++) {
            LayerParameters layer = layers.get(l);
            String name = l == layers.size() - 1 ? "Output layer" : layers.size() == 2 ? "Hidden layer"
                    : "Hidden layer " + (l + 1);
            h.append("<div class=\"scroll\"><table><tr><th class=\"l\">").append(name).append("</th>");
            for (int i = 0; i < layer.inputs(); i++) {
                h.append("<th>w from ").append(l == 0 ? esc(r.spec().inputs().get(i).label()) : "unit " + (i + 1))
                        .append("</th>");
            }
            h.append("<th>bias</th></tr>\n");
            for (int o = 0; o < layer.outputs(); o++) {
                h.append("<tr><td class=\"l\">").append(l < layers.size() - 1 ? "unit " + (o + 1)
                        : multi ? className(classes, o) : "output").append("</td>");
                for (int i = 0; i < layer.inputs(); i++) {
                    h.append("<td>").append(String.format(Locale.ROOT, "%.4f", layer.weight(o, i))).append("</td>");
                }
                h.append("<td>").append(String.format(Locale.ROOT, "%.4f", layer.bias(o))).append("</td></tr>\n");
            }
            h.append("</table></div>\n");
        }
        h.append("</div>\n");

        figure(h, "7. Accuracy and loss against epoch", PlainWords.CURVES, byName.get("training-curves"), png);
        details(h, esc(PlainWords.curvesDetails(multi)));

        if (multi) {
            testSection(h, r, classes, byName, png);
        } else {
        h.append("<h2>8. The test set</h2>\n<p class=\"headline\">Accuracy on the test set: <b>")
                .append(f4(test.accuracy())).append("</b></p>\n");
        plain(h, PlainWords.testSet(false));
        h.append("<div class=\"scroll\"><table><tr><th></th><th>predicted 1 ").append(schemeName(ColourNames.POSITIVE)).append("</th>"
                        + "<th>predicted 0 ").append(schemeName(ColourNames.NEGATIVE)).append("</th></tr>\n"
                        + "<tr><th class=\"l\">label 1 ").append(schemeName(ColourNames.POSITIVE)).append("</th><td>")
                .append(test.truePositives()).append("</td><td>").append(test.falseNegatives())
                .append("</td></tr>\n<tr><th class=\"l\">label 0 ").append(schemeName(ColourNames.NEGATIVE))
                .append("</th><td>").append(test.falsePositives())
                .append("</td><td>").append(test.trueNegatives()).append("</td></tr></table></div>\n");
        details(h, "Loss " + f4(test.loss()) + ", balanced accuracy " + f4(test.balancedAccuracy())
                + " (the mean of the two classes' recall: 0.5 for a network that always says the larger class).");
        figureBody(h, byName.get("test-predictions"), png);
        figure(h, "9. The decision boundary", PlainWords.BOUNDARY, byName.get("decision-boundary"), png);
        }
        h.append("<p style=\"color:#666;font-size:0.85em\">Made by Drawnet. The same drawing, seed and settings give"
                + " the same numbers again (the drawing is known by its SHA-256, in the technical details of the"
                + " configuration).</p>\n</body></html>\n");
        return h.toString();
    }

    /**
     * Appends the test section of a result of more than two classes: overall and balanced accuracy,
     * a table of each class (its points, how many were given it, its accuracy and precision), the
     * confusion matrix, the predictions beside the truth, the class map and each class's map.
     */
    private static void testSection(StringBuilder h, ExperimentResult r, ClassView classes, Map<String, Figure> byName,
            Map<String, byte[]> png) {
        Evaluation test = r.test();
        ConfusionMatrix m = test.confusion();
        double[] accuracies = test.classAccuracies();
        h.append("<h2>8. The test set</h2>\n<p class=\"headline\">Accuracy on the test set: <b>")
                .append(f4(test.accuracy())).append("</b> &nbsp;·&nbsp; balanced accuracy <b>")
                .append(f4(test.balancedAccuracy())).append("</b> (the mean of the classes' accuracies)</p>\n");
        plain(h, PlainWords.testSet(true));
        h.append("<div class=\"scroll\"><table id=\"per-class\"><tr><th class=\"l\">class</th><th>test points</th><th>predicted as it</th>"
                + "<th>correct</th><th>accuracy</th><th>precision</th></tr>\n");
        for (int k = 0; k < m.classes(); k++) {
            h.append("<tr><td class=\"l\"><span class=\"swatch\" style=\"background:")
                    .append(ColourNames.hex(classes.colour(k).getRGB()))
                    .append("\"></span>").append(className(classes, k)).append("</td><td>").append(m.actual(k))
                    .append("</td><td>").append(m.predicted(k)).append("</td><td>").append(m.count(k, k))
                    .append("</td><td>").append(share(accuracies[k])).append("</td><td>").append(share(m.precision(k)))
                    .append("</td></tr>\n");
        }
        h.append("<tr><th class=\"l\">all</th><td>").append(m.total()).append("</td><td>").append(m.total())
                .append("</td><td>").append(m.correct()).append("</td><td>").append(f4(test.accuracy()))
                .append("</td><td></td></tr>\n</table></div>\n");
        details(h, "Loss " + f4(test.loss()) + " (cross-entropy of the softmax). A class's accuracy is the share of its"
                + " points given it (its recall); balanced accuracy " + f4(test.balancedAccuracy()) + " is their mean, 1/"
                + m.classes() + " for a network that always says one class. Precision is the share of the points given"
                + " a class that are of it.");
        plain(h, PlainWords.CONFUSION);
        figureBody(h, byName.get("confusion-matrix"), png);
        figureBody(h, byName.get("test-predictions"), png);
        figure(h, "9. The class map", PlainWords.CLASS_MAP, byName.get("class-map"), png);
        figure(h, "10. Each class's probability", PlainWords.CLASS_PROBABILITIES, byName.get("class-probabilities"), png);
    }

    /**
     * Returns class {@code k}'s name as HTML: its colour's code, when it has one other than its name,
     * in a tooltip ({@code <span title="#e69f00">orange</span>}).
     */
    static String className(ClassView classes, int k) {
        String code = classes.code(k);
        return code.isEmpty() || code.equals(classes.name(k)) ? esc(classes.name(k))
                : "<span title=\"" + esc(code) + "\">" + esc(classes.name(k)) + "</span>";
    }

    /** Returns a scheme colour's name in brackets, its code in a tooltip: {@code (<span title="#0877bd">blue</span>)}. */
    static String schemeName(ColourNames.Named c) {
        return "(<span title=\"" + c.hex() + "\">" + esc(c.name()) + "</span>)";
    }

    /** Returns each class's share of {@code d}'s points as HTML, each name with its code in a tooltip. */
    static String classSharesHtml(ClassView classes, io.github.drawnet.api.Dataset d) {
        long[] counts = d.classCounts();
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < classes.count(); k++) {
            sb.append(k == 0 ? "" : ", ").append(className(classes, k)).append(' ')
                    .append(ClassView.percent(k < counts.length ? counts[k] : 0, d.size()));
        }
        return sb.toString();
    }

    private static void plain(StringBuilder h, String text) {
        h.append("<p class=\"plain\">").append(esc(text)).append("</p>\n");
    }

    /** Appends a folded "technical details" line holding {@code html}. */
    private static void details(StringBuilder h, String html) {
        h.append("<details class=\"tech\"><summary>Technical details</summary>\n").append(html).append("\n</details>\n");
    }

    private static String share(double v) {
        return Double.isNaN(v) ? "-" : f4(v);
    }

    private static void figure(StringBuilder h, String heading, String plain, Figure f, Map<String, byte[]> png) {
        h.append("<h2>").append(esc(heading)).append("</h2>\n");
        plain(h, plain);
        figureBody(h, f, png);
    }

    private static void figureBody(StringBuilder h, Figure f, Map<String, byte[]> png) {
        h.append("<figure id=\"").append(f.name()).append("\"><img alt=\"").append(esc(f.title()))
                .append("\" width=\"").append(f.width()).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png.get(f.name()))).append("\"><figcaption>")
                .append(esc(f.title())).append(" (").append(f.name()).append(".png, .svg)</figcaption></figure>\n");
    }

    private static void row(StringBuilder h, String key, String value) {
        rawRow(h, key, esc(value));
    }

    private static void rawRow(StringBuilder h, String key, String html) {
        h.append("<tr><th class=\"l\">").append(esc(key)).append("</th><td class=\"l\">").append(html)
                .append("</td></tr>\n");
    }

    private static String f4(double v) {
        return String.format(Locale.ROOT, "%.4f", v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
