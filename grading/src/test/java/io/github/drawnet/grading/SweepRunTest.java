package io.github.drawnet.grading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.Backends;
import io.github.drawnet.api.Setting;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.run.DrawingSource;
import io.github.drawnet.run.RunInputs;
import io.github.drawnet.sampling.ClassReading;
import io.github.drawnet.sampling.Preset;
import io.github.drawnet.viz.ReportFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local sweep's whole run folder: its table and figures in the manifest, a stop before any cell, refusals. */
final class SweepRunTest {

    static Sweep sweep() {
        return Sweep.of(List.of(Backends.discover().get("reference")), GraderTest.SMALL,
                Grid.NONE.with(Setting.HIDDEN, "2;3"));
    }

    static RunInputs inputs(Path png) {
        return RunInputs.prepare(DrawingSource.file(png), ClassReading.DEFAULT, GraderTest.SMALL);
    }

    @Test
    void write_tableAndFigures_inTheManifest_drawingBesideThemNeverReplaced(@TempDir Path tmp) throws Exception {
        Path png = TestDrawings.write(tmp.resolve("ring.png"), Preset.RING, 32);
        List<Path> startedIn = new ArrayList<>();
        List<Integer> heard = new ArrayList<>();
        SweepRun.Swept swept = SweepRun.of(sweep(), inputs(png)).threads(1).figures(EnumSet.of(ReportFiles.Format.SVG,
                ReportFiles.Format.PNG)).drawingFile(png).out(tmp).replace(true).onStart(startedIn::add)
                .listener(d -> heard.add(d.cell().index())).write();
        assertThat(startedIn).containsExactly(tmp);
        assertThat(heard).containsExactly(1, 2);
        assertThat(swept.done()).hasSize(2);
        assertThat(swept.table()).isEqualTo(tmp.resolve("sweep.csv"));
        assertThat(Files.readString(tmp.resolve("sweep.csv"))).isEqualTo(SweepReport.csv(swept.done()));
        // each figure's first file is its PNG, whatever order the formats were given in
        assertThat(swept.figures()).containsExactly(tmp.resolve("sweep-maps.png"), tmp.resolve("sweep-curves.png"));
        assertThat(tmp.resolve("sweep-maps.svg")).exists();
        assertThat(Files.readString(tmp.resolve(RunFolder.MANIFEST))).contains("\"command\" : \"sweep\"",
                "\"sweep.csv\"", "\"sweep-maps.png\"", "\"sweep-maps.svg\"", "\"sweep-curves.svg\"")
                .doesNotContain("ring.png");
        assertThat(RunFolder.status(tmp)).isEqualTo(RunFolder.Status.FINISHED);
        assertThat(png).exists();
    }

    @Test
    void write_noFigureFormat_tableOnly(@TempDir Path tmp) throws Exception {
        Path png = TestDrawings.write(tmp.resolve("in/ring.png"), Preset.RING, 32);
        SweepRun.Swept swept = SweepRun.of(sweep(), inputs(png)).threads(2).figures(EnumSet.noneOf(
                ReportFiles.Format.class)).out(tmp.resolve("out")).write();
        assertThat(swept.figures()).isEmpty();
        assertThat(GradeRunTest.files(tmp.resolve("out"))).containsExactly("sweep.csv");
    }

    @Test
    void write_stopBeforeAnyCell_writesNothing_aNewFolderIsRemoved(@TempDir Path tmp) throws Exception {
        Path png = TestDrawings.write(tmp.resolve("ring.png"), Preset.RING, 32);
        SweepRun.Swept swept = SweepRun.of(sweep(), inputs(png)).threads(1).out(tmp.resolve("out")).stopWhen(() -> true)
                .write();
        assertThat(swept.done()).isEmpty();
        assertThat(swept.folder()).isNull();
        assertThat(swept.table()).isNull();
        assertThat(tmp.resolve("out")).doesNotExist();
    }

    @Test
    void write_noOut_newFolderNamedAfterTheDrawing(@TempDir Path tmp) throws Exception {
        Path png = TestDrawings.write(tmp.resolve("my ring.png"), Preset.RING, 32);
        SweepRun.Swept swept = SweepRun.of(sweep(), inputs(png)).threads(1).figures(EnumSet.noneOf(
                ReportFiles.Format.class)).base(tmp.resolve("runs")).write();
        assertThat(swept.folder().getParent()).isEqualTo(tmp.resolve("runs"));
        assertThat(swept.folder().getFileName().toString()).endsWith("-my_ring-sweep");
    }

    @Test
    void write_emptyOut_refusedNamingTheOption_beforeAnyCell() {
        List<Integer> heard = new ArrayList<>();
        assertThatThrownBy(() -> SweepRun.of(sweep(), RunInputs.prepare(DrawingSource.preset(Preset.RING),
                ClassReading.DEFAULT, GraderTest.SMALL)).out(Path.of("")).listener(d -> heard.add(1)).write())
                .isInstanceOf(RunFolderException.class).hasMessage("--out is empty; give the folder to write into");
        assertThat(heard).isEmpty();
    }
}
