package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

final class SweepCommandTest {

    static final String[] GRID = {"sweep", "--preset", "xor", "--train-size", "800", "--val-size", "200",
        "--test-size", "1000", "--hidden", "2;8", "--lr", "0.01,0.1", "--epochs", "6", "--backend", "reference"};

    static List<String> rowsWithoutTime(Path csv) throws IOException {
        // drop the last column (seconds): everything else must match
        return Files.readAllLines(csv).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    @Test
    void sweep_parallelAndOneByOne_sameResults(@TempDir Path dir) throws IOException {
        CliRunner.Result parallel = CliRunner.run(concat(GRID, "--parallel", "2", "--out", dir.resolve("p").toString()));
        CliRunner.Result serial = CliRunner.run(concat(GRID, "--parallel", "1", "--out", dir.resolve("s").toString()));
        assertThat(parallel.err()).isEmpty();
        assertThat(parallel.exitCode()).isZero();
        assertThat(parallel.out()).contains("up to 2 cells at once");
        assertThat(serial.out()).contains("one cell at a time");
        List<String> p = rowsWithoutTime(dir.resolve("p/sweep.csv"));
        assertThat(p).hasSize(5);
        assertThat(p.get(0)).startsWith("cell,backend,hidden,activation,features,optimizer,lr,batch,epochs");
        assertThat(p).isEqualTo(rowsWithoutTime(dir.resolve("s/sweep.csv")));
        assertThat(dir.resolve("p/sweep-maps.png")).isNotEmptyFile();
        assertThat(dir.resolve("p/sweep-curves.svg")).isNotEmptyFile();
        // the table names only what varies, and says which cell did best
        assertThat(parallel.out()).contains("hidden=8 lr=0.1").containsPattern("Best cell: \\d \\(hidden=\\d lr=0\\.\\d+\\)");
    }

    @Test
    void sweep_djlCellsInParallel_sameAsOneByOne(@TempDir Path dir) throws IOException {
        String[] grid = {"sweep", "--preset", "halfplane", "--train-size", "300", "--val-size", "100", "--test-size",
            "300", "--activation", "sigmoid,linear", "--epochs", "2", "--backend", "djl"};
        CliRunner.Result parallel = CliRunner.run(concat(grid, "--parallel", "2", "--out", dir.resolve("p").toString()));
        CliRunner.Result serial = CliRunner.run(concat(grid, "--parallel", "1", "--out", dir.resolve("s").toString()));
        assertThat(parallel.exitCode()).isZero();
        assertThat(parallel.out()).contains("up to 2 cells at once");
        assertThat(parallel.out().lines().filter(l -> l.matches("^[12]\\s+(sigmoid|linear)\\s.*"))).hasSize(2);
        assertThat(rowsWithoutTime(dir.resolve("p/sweep.csv"))).isEqualTo(rowsWithoutTime(dir.resolve("s/sweep.csv")));
    }

    @Test
    void sweep_badValueInList_rejectedBeforeTraining(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("sweep", "--lr", "0.1,-2", "--out", dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet sweep: --lr must be a finite number > 0, got -2.0"
                + System.lineSeparator());
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void sweep_tooManyCells_rejected() {
        CliRunner.Result r = CliRunner.run("sweep", "--hidden", "1;2;3;4;5;6;7;8", "--lr", "0.1,0.2,0.3,0.4,0.5,0.6",
                "--batch", "8,16,24,32,64,128");
        assertThat(r.err()).isEqualTo("drawnet sweep: the sweep has 288 cells; at most 256 are allowed"
                + System.lineSeparator());
    }

    /** A batch given for a small training set is checked as given, as run checks it, not the default's 24. */
    @Test
    void sweep_smallTrainingSetWithAFittingBatch_accepted_asRunAcceptsIt(@TempDir Path dir) throws IOException {
        String[] small = {"--train-size", "20", "--val-size", "20", "--test-size", "20", "--batch", "10", "--epochs",
            "1", "--backend", "reference"};
        CliRunner.Result sweep = CliRunner.run(concat(concat(new String[] {"sweep", "--hidden", "2;4"}, small),
                "--out", dir.resolve("s").toString()));
        assertThat(sweep.err()).isEmpty();
        assertThat(sweep.exitCode()).isZero();
        assertThat(rowsWithoutTime(dir.resolve("s/sweep.csv")).get(1)).contains(",10,1,");
        CliRunner.Result run = CliRunner.run(concat(concat(new String[] {"run"}, small), "--out",
                dir.resolve("r").toString()));
        assertThat(run.exitCode()).isZero();
        // the rule is checked once a cell's settings are all known: a batch larger than the training set is not
        CliRunner.Result big = CliRunner.run("sweep", "--train-size", "20", "--batch", "10,30", "--out",
                dir.resolve("b").toString());
        assertThat(big.err()).isEqualTo("drawnet sweep: --batch must be in [1, 20], got 30" + System.lineSeparator());
        assertThat(big.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    /** One network's layer sizes are 8,4, as for run; ';' separates networks; the old 8-4 is refused. */
    @Test
    void sweep_oneNetworkWithCommas_networksWithSemicolons_old8Dash4Refused(@TempDir Path dir) throws IOException {
        CliRunner.Result r = CliRunner.run(concat(concat(new String[] {"sweep", "--hidden", "4;8,4", "--epochs", "1",
            "--backend", "reference", "--formats", "none"}, SMALL), "--out", dir.resolve("s").toString()));
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).contains("Sweep: 2 cells over hidden").contains("cell 2/2 hidden=8,4:");
        List<String> csv = Files.readAllLines(dir.resolve("s/sweep.csv"));
        assertThat(csv).hasSize(3);
        assertThat(csv.get(2)).startsWith("2,reference,\"8,4\",sigmoid,\"x1,x2\",");
        assertThat(fields(csv.get(2)).get(2)).isEqualTo("8,4");
        CliRunner.Result old = CliRunner.run("sweep", "--hidden", "2;8-4", "--out", dir.resolve("o").toString());
        assertThat(old.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(old.err()).isEqualTo("drawnet sweep: --hidden 8-4: write one network's layer sizes with commas (8,4)"
                + " and separate networks with ';' (e.g. '4;8,4')" + System.lineSeparator());
        assertThat(old.out()).isEmpty();
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void sweep_l1IsAnAxis_eachCellTrainsWithItsOwnPenalty(@TempDir Path dir) throws IOException {
        CliRunner.Result r = CliRunner.run(concat(concat(new String[] {"sweep", "--l1", "0;0.05", "--epochs", "3",
            "--backend", "reference", "--formats", "none"}, SMALL), "--out", dir.resolve("s").toString()));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Sweep: 2 cells over l1").contains("cell 2/2 l1=0.05:");
        List<String> csv = Files.readAllLines(dir.resolve("s/sweep.csv"));
        assertThat(csv).hasSize(3);
        int l1 = fields(csv.get(0)).indexOf("l1");
        assertThat(l1).isPositive();
        assertThat(fields(csv.get(1)).get(l1)).isEqualTo("0.0");
        assertThat(fields(csv.get(2)).get(l1)).isEqualTo("0.05");
        // the penalty reaches the training: the same seed and points, another final loss
        int loss = fields(csv.get(0)).indexOf("train_loss");
        assertThat(loss).isPositive();
        assertThat(fields(csv.get(2)).get(loss)).isNotEqualTo(fields(csv.get(1)).get(loss));
    }

    @Test
    void sweep_emptyFeatures_refusedNamingTheOptionAndTheFeatures(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("sweep", "--features", "", "--out", dir.resolve("o").toString());
        assertThat(r.err()).isEqualTo("drawnet sweep: --features must list one or more of x1, x2, x1sq, x2sq, x1x2,"
                + " sinx1, sinx2, separated by commas, got ''" + System.lineSeparator());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(dir.resolve("o")).doesNotExist();
    }

    /** A diverged cell's accuracy is that of a network that says one class everywhere: never the best. */
    @Test
    void sweep_divergedCellTiesTheBest_bestCellIsOneThatDidNotDiverge(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("sweep", "--preset", "blob", "--train-size", "200", "--val-size", "50",
                "--test-size", "500", "--lr", "1e9,0.0001", "--epochs", "1", "--backend", "reference", "--out",
                dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.out()).containsPattern("(?m)^1 .*diverged at epoch 1$")
                .contains("Best cell: 2 (lr=1.0E-4), accuracy on the test set: 0.7300");
    }

    static final String[] SMALL = {"--train-size", "200", "--val-size", "50", "--test-size", "100"};

    /** Splits one CSV line, honouring double quotes around a field that holds commas. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }

    /** Returns sweep.csv's rows as maps from the header's names to the fields. */
    static List<Map<String, String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            assertThat(f).as(line).hasSameSizeAs(header);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < f.size(); i++) {
                row.put(header.get(i), f.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    @Test
    void sweep_moreThan256Cells_refusedBeforeAnythingRuns_exit2(@TempDir Path dir) {
        CliRunner.Result r = CliRunner.run("sweep", "--hidden", "1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16", "--lr",
                "0.01,0.02,0.03,0.04,0.05,0.06,0.07,0.08,0.09,0.1,0.2,0.3,0.4,0.5,0.6,0.7,0.8", "--out",
                dir.resolve("o").toString());
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet sweep: the sweep has 272 cells; at most 256 are allowed"
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "65", "-3"})
    void sweep_parallelOutOfRange_refusedBeforeTraining_exit2(String parallel, @TempDir Path dir) {
        CliRunner.Result r = CliRunner.run(concat(new String[] {"sweep", "--backend", "reference", "--epochs",
            "1", "--parallel", parallel, "--out", dir.resolve("o").toString()}, SMALL));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).isEqualTo("drawnet sweep: --parallel must be in [1, 64], got " + parallel
                + System.lineSeparator());
        assertThat(r.out()).isEmpty();
        assertThat(dir.resolve("o")).doesNotExist();
    }

    @Test
    void sweep_oneCellAtMostParallel_runsOneCellAtATime(@TempDir Path dir) throws IOException {
        CliRunner.Result r = CliRunner.run(concat(new String[] {"sweep", "--backend", "reference", "--epochs",
            "1", "--seed", "3", "--parallel", "64", "--out", dir.resolve("o").toString()}, SMALL));
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().findFirst()).contains(
                "Sweep: 1 cells over one setting on drawing blob; 200 training points, seed 3; one cell at a time");
        assertThat(rows(dir.resolve("o/sweep.csv"))).hasSize(1);
    }

    @Test
    void sweep_severalFeatureSets_quotedInTheCsv_namedInTheTable(@TempDir Path dir) throws IOException {
        CliRunner.Result r = CliRunner.run(concat(new String[] {"sweep", "--backend", "reference", "--epochs",
            "1", "--features", "x1,x2", "--features", "x1sq,x2sq", "--parallel", "1", "--out",
            dir.resolve("o").toString()}, SMALL));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines().findFirst()).contains(
                "Sweep: 2 cells over features on drawing blob; 200 training points, seed 0; one cell at a time");
        List<Map<String, String>> rows = rows(dir.resolve("o/sweep.csv"));
        assertThat(rows).extracting(row -> row.get("features")).containsExactly("x1,x2", "x1sq,x2sq");
        assertThat(rows).extracting(row -> row.get("backend")).containsOnly("reference");
        assertThat(r.out().lines().filter(l -> l.matches("^[12] +x1(sq)?,x2(sq)? +0\\.\\d{4} .*"))).hasSize(2);
    }

    @Test
    void sweep_aCellDiverges_markedInTableAndCsv_othersReported_timesReal(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o");
        long start = System.nanoTime();
        CliRunner.Result r = CliRunner.run(concat(new String[] {"sweep", "--preset", "halfplane", "--backend",
            "djl", "--optimizer", "sgd", "--lr", "1e38,0.1", "--epochs", "2", "--parallel", "1", "--out",
            out.toString()}, SMALL));
        double wall = (System.nanoTime() - start) / 1e9;
        assertThat(r.exitCode()).as("a diverged cell makes the sweep exit 4").isEqualTo(ExitCodes.DIVERGED);
        assertThat(r.err()).isEqualTo("drawnet sweep: cell 1 (lr=1.0E38): training stopped at epoch 1: the training"
                + " loss became Infinity; try a learning rate smaller than 1.0E38" + System.lineSeparator());
        List<String> lines = r.out().lines().toList();
        List<Map<String, String>> rows = rows(out.resolve("sweep.csv"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("lr", "1.0E38").containsEntry("stop", "diverged")
                .containsEntry("epochs_run", "1").containsEntry("train_loss", "Infinity");
        assertThat(rows.get(1)).containsEntry("lr", "0.1").containsEntry("stop", "completed")
                .containsEntry("epochs_run", "2");
        assertThat(lines).filteredOn(l -> l.startsWith("1 ")).singleElement().asString()
                .endsWith("  diverged at epoch 1");
        assertThat(lines).filteredOn(l -> l.startsWith("2 ")).singleElement().asString().doesNotContain("diverged");

        // each cell's line and row carry its own test accuracy; the best cell is the one with the highest
        for (int cell = 1; cell <= 2; cell++) {
            Map<String, String> row = rows.get(cell - 1);
            String accuracy = String.format(Locale.ROOT, "%.4f", Double.parseDouble(row.get("test_accuracy")));
            assertThat(lines).anyMatch(l -> l.startsWith("cell " + row.get("cell") + "/2 lr=" + row.get("lr")
                    + ": test accuracy " + accuracy + " ("));
        }
        Map<String, String> best = rows.stream().max((a, b) -> Double.compare(Double.parseDouble(a.get("test_accuracy")),
                Double.parseDouble(b.get("test_accuracy")))).orElseThrow();
        assertThat(lines).contains(String.format(Locale.ROOT, "Best cell: %s (lr=%s), accuracy on the test set: %.4f",
                best.get("cell"), best.get("lr"), Double.parseDouble(best.get("test_accuracy"))));
        assertThat(best.get("cell")).isEqualTo("2");
        assertThat(lines).contains("Table: " + out.resolve("sweep.csv"),
                "Figures: " + out.resolve("sweep-maps.png") + ", " + out.resolve("sweep-curves.png"));

        // the times are seconds of this sweep: each cell within the whole, the whole within this test's wall time
        String swept = lines.stream().filter(l -> l.startsWith("Swept 2 cells in ")).findFirst().orElseThrow();
        double total = Double.parseDouble(swept.replaceAll("Swept 2 cells in ([0-9.]+) s", "$1"));
        assertThat(total).isBetween(0.0, wall + 0.05);
        for (Map<String, String> row : rows) {
            assertThat(Double.parseDouble(row.get("seconds"))).isBetween(0.0, total + 0.05);
        }
        for (String line : lines.stream().filter(l -> l.matches("^[12] .*")).toList()) {
            double seconds = Double.parseDouble(line.replaceAll(".* ([0-9.]+) s( .*)?$", "$1"));
            assertThat(seconds).as(line).isBetween(0.0, total + 0.05);
        }
        for (String line : lines.stream().filter(l -> l.matches("cell \\d/2 .*")).toList()) {
            double seconds = Double.parseDouble(line.replaceAll(".* \\(([0-9.]+) s\\)(, diverged)?$", "$1"));
            assertThat(seconds).as(line).isBetween(0.0, total + 0.05);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
