package io.github.drawnet.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.drawnet.api.ExperimentResult;
import io.github.drawnet.viz.ReportFiles;
import io.github.drawnet.viz.Visualizer;
import io.github.drawnet.io.RunFolder;
import io.github.drawnet.io.RunFolderException;
import io.github.drawnet.viz.NotebookVisualizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the run's writer does when the disk fills, and how it warms the figure code. */
class RunWriterTest {

    static Visualizer proxy(java.lang.reflect.InvocationHandler handler) {
        return (Visualizer) java.lang.reflect.Proxy.newProxyInstance(RunWriterTest.class.getClassLoader(),
                new Class<?>[] {Visualizer.class}, handler);
    }

    @Test
    void write_diskFullWhileWritingFigures_oneLine_folderKeepsTheOldRun(@TempDir Path dir) throws IOException {
        Path out = dir.resolve("o");
        DrawingRunTest.halfPlane(1).out(out).writeFolder();
        byte[] oldMetrics = Files.readAllBytes(out.resolve("metrics.json"));
        ExperimentResult result = DrawingRunTest.halfPlane(2).resultOnly().result();
        NotebookVisualizer real = new NotebookVisualizer();
        Visualizer full = proxy((p, m, args) -> {
            if (m.getName().equals("report")) {
                Files.writeString(((Path) args[1]).resolve("drawing.png"), "half a figure");
                throw new IOException("No space left on device");
            }
            return m.invoke(real, args);
        });
        try (RunFolder folder = RunFolder.open(out, "r2", "run", true, List.of(), List.of())) {
            assertThatThrownBy(() -> new RunWriter(full).write(result, folder, null, List.of(), ReportFiles.all()))
                    .isInstanceOf(RunFolderException.class)
                    .hasMessage("cannot write the run's files into " + out + ": IOException No space left on device;"
                            + " the folder keeps what it held before");
        }
        assertThat(Files.readAllBytes(out.resolve("metrics.json"))).isEqualTo(oldMetrics);
        assertThat(RunFolder.status(out)).isEqualTo(RunFolder.Status.FINISHED);
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(".drawnet-new-"))
                    .doesNotContain("drawing.png");
        }
    }

    /** The figure code warms while a network trains only when figures will be drawn. */
    @Test
    void warmUp_startsOnlyWhenFiguresAreDrawn_andStopsWhenInterrupted() throws InterruptedException {
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean sawInterrupt = new AtomicBoolean();
        RunWriter writer = new RunWriter(proxy((p, m, args) -> {
            if (m.getName().equals("warmUp")) {
                started.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    sawInterrupt.set(true);
                }
            }
            return null;
        }));
        Thread none = writer.warmUp(new ReportFiles(Set.of(), false));
        assertThat(none.getState()).isEqualTo(Thread.State.NEW);
        Thread warming = writer.warmUp(ReportFiles.all());
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        assertThat(warming.isDaemon()).isTrue();
        assertThat(warming.getName()).isEqualTo("drawnet-figures-warm-up");
        warming.interrupt();
        warming.join(30_000);
        assertThat(warming.isAlive()).isFalse();
        assertThat(sawInterrupt.get()).isTrue();
    }

    @Test
    void describe_theCommonFailures_inPlainWords() {
        assertThat(RunWriter.describe(new java.nio.file.AccessDeniedException("/out"))).isEqualTo("permission denied");
        assertThat(RunWriter.describe(new java.nio.file.FileAlreadyExistsException("/out")))
                .isEqualTo("a file of that name is in the way");
        assertThat(RunWriter.describe(new IOException("No space left on device")))
                .isEqualTo("IOException No space left on device");
        assertThat(RunWriter.describe(new IOException())).isEqualTo("IOException");
    }
}
