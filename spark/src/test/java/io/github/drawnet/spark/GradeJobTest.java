package io.github.drawnet.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.InvalidSettingException;
import io.github.drawnet.api.Setting;
import io.github.drawnet.grading.Grid;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The job's grid options are read by the library's one parser ({@link Grid}), as the command line's are. */
final class GradeJobTest {

    @Test
    void parse_gridListsThroughTheSharedParser_repeatedOptionsAdd_otherSettingsIntoTheBase() {
        GradeJob.Args a = GradeJob.Args.parse(new String[] {"drawings", "--out", "o", "--hidden", "4;8,4",
            "--hidden", "2", "--lr", "0.1,0.2", "--features", "x1,x2;x1sq,x2sq", "--train-size", "300",
            "--backend", "reference,djl", "--reports"});
        assertThat(a.grid).isEqualTo(Grid.NONE.with(Setting.HIDDEN, "4;8,4").with(Setting.HIDDEN, "2")
                .with(Setting.LEARNING_RATE, "0.1,0.2").with(Setting.FEATURES, "x1,x2;x1sq,x2sq"));
        assertThat(a.grid.axes().get(Setting.HIDDEN)).containsExactly("4", "8,4", "2");
        assertThat(a.grid.axes().get(Setting.FEATURES)).containsExactly("x1,x2", "x1sq,x2sq");
        assertThat(a.base.sizes().train()).isEqualTo(300);
        assertThat(a.backends).containsExactly("reference", "djl");
        assertThat(a.folder).isEqualTo(Path.of("drawings"));
        assertThat(a.reports).isTrue();
    }

    @Test
    void parse_emptyListValue_refusedByTheSharedParser() {
        assertThatThrownBy(() -> GradeJob.Args.parse(new String[] {"d", "--out", "o", "--lr", "0.1;;1"}))
                .isInstanceOf(InvalidSettingException.class)
                .hasMessage("learning rate '0.1;;1': an empty value; separate values with ';'");
    }

    @Test
    void run_oldHiddenSpelling_oneLineNamingTheValueAndTheNewSpelling_code2_nothingWritten(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        java.nio.file.Files.createDirectories(dir.resolve("in"));
        java.nio.file.Files.write(dir.resolve("in/a.png"), new byte[] {1});
        int code = GradeJob.run(new String[] {dir.resolve("in").toString(), "--out", dir.resolve("out").toString(),
            "--backend", "reference", "--hidden", "2;8-4"}, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(2);
        assertThat(e.toString(StandardCharsets.UTF_8)).isEqualTo("drawnet grade job: --hidden 8-4: write one network's"
                + " layer sizes with commas (8,4) and separate networks with ';' (e.g. '4;8,4')" + System.lineSeparator());
        assertThat(o.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(List.of(dir.resolve("in").toFile().list())).containsExactly("a.png");
    }

    static int run(ByteArrayOutputStream o, ByteArrayOutputStream e, String... args) throws Exception {
        return GradeJob.run(args, new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8));
    }

    @Test
    void run_outInsideTheGradedFolder_refusedAsTheCommandLineRefusesIt_code2_nothingWritten(@TempDir Path dir)
            throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("in"));
        java.nio.file.Files.write(dir.resolve("in/a.png"), new byte[] {1});
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        Path out = dir.resolve("in/grades");
        assertThat(run(o, e, dir.resolve("in").toString(), "--out", out.toString(), "--backend", "reference"))
                .isEqualTo(2);
        assertThat(e.toString(StandardCharsets.UTF_8)).isEqualTo("drawnet grade job: output folder " + out
                + " is inside the graded folder " + dir.resolve("in") + ": its figures would be graded as drawings;"
                + " choose an output folder outside it" + System.lineSeparator());
        assertThat(o.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out).doesNotExist();
    }

    @Test
    void run_outHoldsAnotherRunsResults_refusedWithoutForce_code2_oldRunKept(@TempDir Path dir) throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("in"));
        java.nio.file.Files.write(dir.resolve("in/a.png"), new byte[] {1});
        Path out = dir.resolve("out");
        try (io.github.drawnet.io.RunFolder earlier = io.github.drawnet.io.RunFolder.open(out, "20260101-000000-1",
                "grade", false, List.of(), List.of())) {
            java.nio.file.Files.writeString(earlier.staging().resolve("grades.csv"), "cell\n");
            earlier.commit();
        }
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        assertThat(run(o, e, dir.resolve("in").toString(), "--out", out.toString(), "--backend", "reference"))
                .isEqualTo(2);
        assertThat(e.toString(StandardCharsets.UTF_8)).startsWith("drawnet grade job: output folder " + out
                + " holds the results of grade 20260101-000000-1 of ").endsWith("; add --force to replace them, or"
                + " choose another folder" + System.lineSeparator());
        assertThat(o.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(java.nio.file.Files.readString(out.resolve("grades.csv"))).isEqualTo("cell\n");
    }

    @Test
    void parse_force_allowsReplacing() {
        assertThat(GradeJob.Args.parse(new String[] {"d", "--out", "o"}).force).isFalse();
        assertThat(GradeJob.Args.parse(new String[] {"d", "--force", "--out", "o"}).force).isTrue();
    }

    @Test
    void parse_masterTimeout_wholeSecondsDefault20_othersRefusedNamingTheValue() {
        assertThat(GradeJob.Args.parse(new String[] {"d", "--out", "o"}).masterTimeout)
                .isEqualTo(java.time.Duration.ofSeconds(20));
        assertThat(GradeJob.Args.parse(new String[] {"d", "--out", "o", "--master-timeout", "5"}).masterTimeout)
                .isEqualTo(java.time.Duration.ofSeconds(5));
        for (String bad : new String[] {"0", "-3", "3601", "1.5", "soon"}) {
            assertThatThrownBy(() -> GradeJob.Args.parse(new String[] {"d", "--out", "o", "--master-timeout", bad}))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("--master-timeout must be whole seconds in [1, 3600], got '" + bad + "'");
        }
    }
}
