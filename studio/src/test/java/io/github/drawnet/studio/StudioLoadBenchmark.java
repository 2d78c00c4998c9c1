package io.github.drawnet.studio;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.NotebookVisualizer;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The waits of a class in the studio (BENCHMARKS.md), not part of the build's tests: 30 and then 60
 * students on the studio's HTTP interface each open a session and its event stream and start the
 * default experiment whole (the blob, the notebook's settings, DJL) at once; a student's wait is from
 * sending Start to the status that says the run is training. Also the heap one session holds after a
 * finished default run (used heap after a collection, with the sessions open and after they close).
 *
 * <pre>mvn -B -o -q test -pl studio -am -Dtest=StudioLoadBenchmark -Ddrawnet.loadbench=true</pre>
 */
@EnabledIfSystemProperty(named = "drawnet.loadbench", matches = "true")
final class StudioLoadBenchmark {

    @Test
    void waits_30and60Students() throws Exception {
        for (int n : new int[] {30, 60}) {
            measure(n);
        }
    }

    static long usedAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    static void measure(int students) throws Exception {
        try (StudioServer server = new StudioServer(Backends.discover(), new NotebookVisualizer(),
                StudioServer.Options.local(0))) {
            String base = "http://127.0.0.1:" + server.start();
            String drawing = Classroom.blob();
            long before = usedAfterGc();
            List<Classroom.Student> all = new ArrayList<>();
            for (int i = 0; i < students; i++) {
                Classroom.Student s = new Classroom.Student(base);
                s.listen();
                all.add(s);
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            long t0 = System.nanoTime();
            List<Future<Integer>> starts = new ArrayList<>();
            for (Classroom.Student s : all) {
                starts.add(pool.submit(() -> s.start(drawing, "{}")));
            }
            for (Future<Integer> f : starts) {
                if (f.get(5, TimeUnit.MINUTES) != 202) {
                    throw new AssertionError("a Start was refused");
                }
            }
            for (Classroom.Student s : all) {
                if (!s.done.await(20, TimeUnit.MINUTES)) {
                    throw new AssertionError("a run did not finish");
                }
            }
            double total = (System.nanoTime() - t0) / 1e9;
            server.queue().awaitIdle(60_000);
            long full = usedAfterGc();
            double[] waits = all.stream().mapToDouble(Classroom.Student::waitSeconds).sorted().toArray();
            double[] runs = all.stream().mapToDouble(s -> (s.doneAt - s.trainingAt) / 1e9).sorted().toArray();
            for (Classroom.Student s : all) {
                s.beacon();
                s.drop();
            }
            Thread.sleep(2000);
            long after = usedAfterGc();
            System.out.printf(java.util.Locale.ROOT, "LOADBENCH students=%d trainers=%d waits: median %.1f s, p95 %.1f s, "
                    + "longest %.1f s; run on its trainer: median %.1f s; all done in %.1f s; heap per finished "
                    + "session %.2f MiB (before %.0f, full %.0f, after %.0f MiB); max heap %.0f MiB%n", students,
                    server.queue().trainerCount(), pct(waits, 50), pct(waits, 95), waits[waits.length - 1], pct(runs, 50),
                    total, (full - after) / (double) students / 1048576, before / 1048576.0, full / 1048576.0,
                    after / 1048576.0, Runtime.getRuntime().maxMemory() / 1048576.0);
            pool.shutdownNow();
        }
    }

    /** Returns the {@code p}th percentile of sorted values, nearest rank. */
    static double pct(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
