package io.github.drawnet.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SweepCommandTest {

    static final String[] GRID = {"sweep", "--preset", "xor", "--train-size", "800", "--val-size", "200",
        "--test-size", "1000", "--hidden", "2,8", "--lr", "0.01,0.1", "--epochs", "6", "--backend", "reference"};

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
        CliRunner.Result r = CliRunner.run("sweep", "--hidden", "1,2,3,4,5,6,7,8", "--lr", "0.1,0.2,0.3,0.4,0.5,0.6",
                "--batch", "8,16,24,32,64,128");
        assertThat(r.err()).isEqualTo("drawnet sweep: the sweep has 288 cells; at most 256 are allowed"
                + System.lineSeparator());
    }

    static String[] concat(String[] a, String... b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
