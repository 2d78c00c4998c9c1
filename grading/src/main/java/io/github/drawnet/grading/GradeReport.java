package io.github.drawnet.grading;

import io.github.drawnet.api.internal.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes a grading's results: {@code grades.csv}, one row per cell with every figure, and {@code
 * grades.html}, a self-contained page with a small output map per cell beside its drawing, a table sortable by any
 * column (click its header), and every failure's one-line reason. Rows are written in cell order
 * whatever order they ended in, so two engines' files differ only in the {@code seconds} column.
 */
public final class GradeReport {

    /** The settings' columns, in the order of {@code grades.csv}. */
    public static final List<String> SETTING_COLUMNS = List.of("hidden", "activation", "features", "optimizer", "lr",
            "batch", "epochs", "weight_decay", "l1");
    /** The name of the table of grades. */
    public static final String CSV = "grades.csv";
    /** The name of the page of grades. */
    public static final String HTML = "grades.html";

    private GradeReport() {}

    /**
     * Writes {@code grades.csv} and {@code grades.html} into {@code dir} (created if needed) and
     * returns their paths.
     *
     * @throws IOException when a file cannot be written; no half-written file is left in place
     */
    public static List<Path> write(Path dir, GradePlan plan, List<GradeRow> rows, String engine) throws IOException {
        Files.createDirectories(dir);
        List<GradeRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingInt(GradeRow::index));
        Path csv = dir.resolve(CSV);
        AtomicFiles.write(csv, csv(sorted).getBytes(StandardCharsets.UTF_8));
        Path html = dir.resolve(HTML);
        AtomicFiles.write(html, html(plan, sorted, engine).getBytes(StandardCharsets.UTF_8));
        return List.of(csv, html);
    }

    /** Returns the text of {@code grades.csv}, written by {@link Csv}. */
    public static String csv(List<GradeRow> rows) {
        List<String> header = new ArrayList<>(List.of("cell", "drawing", "backend"));
        header.addAll(SETTING_COLUMNS);
        header.addAll(List.of("test_accuracy", "balanced_accuracy", "test_loss", "train_loss", "validation_loss",
                "epochs_run", "seconds", "status", "message"));
        List<List<String>> table = new ArrayList<>();
        for (GradeRow r : rows) {
            List<String> fields = new ArrayList<>(List.of(Integer.toString(r.index()), r.drawing(), r.backend()));
            for (String k : SETTING_COLUMNS) {
                fields.add(r.labels().getOrDefault(k, ""));
            }
            for (double v : new double[] {r.testAccuracy(), r.balancedAccuracy(), r.testLoss(), r.trainLoss(),
                r.validationLoss()}) {
                fields.add(Double.toString(v));
            }
            fields.addAll(List.of(Integer.toString(r.epochs()), String.format(Locale.ROOT, "%.3f", r.seconds()),
                    r.status().id(), r.message()));
            table.add(fields);
        }
        return Csv.of(header, table);
    }

    /**
     * Returns how the rows ended: {@code 10 trained, 2 failed, 0 diverged}, and {@code , 1 stopped, 3 not run}
     * when a stop was requested.
     */
    public static String summary(List<GradeRow> rows) {
        long failed = count(rows, GradeRow.Status.FAILED);
        long diverged = count(rows, GradeRow.Status.DIVERGED);
        long stopped = count(rows, GradeRow.Status.STOPPED);
        long notRun = count(rows, GradeRow.Status.NOT_RUN);
        return String.format(Locale.ROOT, "%d trained, %d failed, %d diverged", count(rows, GradeRow.Status.OK), failed,
                diverged) + (stopped + notRun == 0 ? "" : String.format(Locale.ROOT, ", %d stopped, %d not run",
                        stopped, notRun));
    }

    static long count(List<GradeRow> rows, GradeRow.Status status) {
        return rows.stream().filter(r -> r.status() == status).count();
    }

    /** Returns the text of {@code grades.html}. */
    static String html(GradePlan plan, List<GradeRow> rows, String engine) {
        List<String> shown = new ArrayList<>();
        for (String k : plan.varying()) {
            if (!"backend".equals(k)) {
                shown.add(k);
            }
        }
        long failed = rows.stream().filter(r -> r.status() == GradeRow.Status.FAILED).count();
        long diverged = rows.stream().filter(r -> r.status() == GradeRow.Status.DIVERGED).count();
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Grades: ")
                .append(esc(plan.folder().toString())).append("</title>\n<style>\n")
                .append("body{font-family:sans-serif;margin:1.5em;color:#222}")
                .append("table{border-collapse:collapse}th,td{padding:4px 8px;border-bottom:1px solid #ddd;"
                        + "text-align:left;vertical-align:middle}")
                .append("th{cursor:pointer;background:#f3f3f3;user-select:none;position:sticky;top:0}")
                .append("th:hover{background:#e6e6e6}td.n{text-align:right;font-variant-numeric:tabular-nums}")
                .append("tr.failed td{background:#fdecea}tr.diverged td{background:#fff4e0}")
                .append("td.why{max-width:36em;font-size:90%;color:#a40000}img{image-rendering:pixelated;"
                        + "border:1px solid #ccc;display:block}")
                .append("th.asc::after{content:' \\25B2'}th.desc::after{content:' \\25BC'}")
                .append(".summary{margin:.5em 0 1em}\n</style></head><body>\n");
        sb.append("<h1>Grades</h1>\n<p class=\"summary\">")
                .append(String.format(Locale.ROOT, "%d cells: %d drawings", rows.size(), plan.drawingCount()))
                .append(" from <code>").append(esc(plan.folder().toString())).append("</code>, engine ")
                .append(esc(engine)).append(String.format(Locale.ROOT, "; %d failed, %d diverged", failed, diverged))
                .append(count(rows, GradeRow.Status.STOPPED) + count(rows, GradeRow.Status.NOT_RUN) == 0 ? "."
                        : String.format(Locale.ROOT, ", %d stopped, %d not run (Ctrl-C).",
                                count(rows, GradeRow.Status.STOPPED), count(rows, GradeRow.Status.NOT_RUN)))
                .append(" Click a column's header to sort by it.</p>\n");
        if (failed > 0) {
            sb.append("<h2>Failures</h2>\n<ul class=\"failures\">\n");
            for (GradeRow r : rows) {
                if (r.status() == GradeRow.Status.FAILED) {
                    sb.append("<li><code>").append(esc(r.drawing())).append("</code> (").append(esc(r.backend()))
                            .append("): ").append(esc(r.message())).append("</li>\n");
                }
            }
            sb.append("</ul>\n");
        }
        sb.append("<table id=\"grades\"><thead><tr><th data-type=\"n\">cell</th><th>drawing</th><th>backend</th>");
        for (String k : shown) {
            sb.append("<th>").append(esc(k)).append("</th>");
        }
        sb.append("<th data-type=\"none\">as drawn</th><th data-type=\"none\">output map</th><th data-type=\"n\">test accuracy</th>"
                + "<th data-type=\"n\">balanced accuracy</th><th data-type=\"n\">test loss</th>"
                + "<th data-type=\"n\">train loss</th><th data-type=\"n\">validation loss</th>"
                + "<th data-type=\"n\">epochs</th><th data-type=\"n\">seconds</th><th>status</th></tr></thead>\n<tbody>\n");
        for (GradeRow r : rows) {
            sb.append("<tr class=\"").append(r.status().id()).append("\"><td class=\"n\">").append(r.index())
                    .append("</td><td>").append(esc(r.drawing())).append("</td><td>").append(esc(r.backend()))
                    .append("</td>");
            for (String k : shown) {
                sb.append("<td>").append(esc(r.labels().getOrDefault(k, ""))).append("</td>");
            }
            sb.append(image(r.drawingPng(), "drawing of cell " + r.index()))
                    .append(image(r.mapPng(), "output of cell " + r.index()));
            for (double v : new double[] {r.testAccuracy(), r.balancedAccuracy(), r.testLoss(), r.trainLoss(),
                r.validationLoss()}) {
                sb.append(number(v, 4));
            }
            sb.append("<td class=\"n\">").append(r.epochs()).append("</td>").append(number(r.seconds(), 1));
            sb.append(r.status() == GradeRow.Status.OK ? "<td>ok</td>"
                    : "<td class=\"why\">" + r.status().id() + ": " + esc(r.message()) + "</td>");
            sb.append("</tr>\n");
        }
        sb.append("</tbody></table>\n").append(SORT_SCRIPT).append("</body></html>\n");
        return sb.toString();
    }

    private static String image(byte[] png, String alt) {
        if (png == null) {
            return "<td></td>";
        }
        return "<td><img width=\"" + Grader.MAP_SIDE + "\" height=\"" + Grader.MAP_SIDE + "\" alt=\"" + alt
                + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\"></td>";
    }

    private static String number(double v, int digits) {
        if (!Double.isFinite(v)) {
            return "<td class=\"n\" data-v=\"\">&ndash;</td>";
        }
        return String.format(Locale.ROOT, "<td class=\"n\" data-v=\"%s\">%." + digits + "f</td>", v, v);
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    // Sorts by the clicked column: numbers by their data-v (blanks last), text by its words; a second click reverses.
    private static final String SORT_SCRIPT = "<script>\n"
            + "document.querySelectorAll('#grades th').forEach(function(th, col){\n"
            + "  if (th.dataset.type === 'none') return;\n"
            + "  th.addEventListener('click', function(){\n"
            + "    var body = document.querySelector('#grades tbody');\n"
            + "    var asc = !th.classList.contains('asc');\n"
            + "    document.querySelectorAll('#grades th').forEach(function(h){h.classList.remove('asc','desc');});\n"
            + "    th.classList.add(asc ? 'asc' : 'desc');\n"
            + "    var numeric = th.dataset.type === 'n';\n"
            + "    var key = function(tr){ var td = tr.children[col];\n"
            + "      if (!numeric) return td.textContent;\n"
            + "      var v = td.dataset.v !== undefined ? td.dataset.v : td.textContent;\n"
            + "      return v === '' ? null : parseFloat(v); };\n"
            + "    var rows = Array.prototype.slice.call(body.rows);\n"
            + "    rows.sort(function(a, b){ var x = key(a), y = key(b);\n"
            + "      if (x === null) return y === null ? 0 : 1; if (y === null) return -1;\n"
            + "      var c = numeric ? x - y : x.localeCompare(y); return asc ? c : -c; });\n"
            + "    rows.forEach(function(r){ body.appendChild(r); });\n"
            + "  });\n"
            + "});\n"
            + "</script>\n";
}
