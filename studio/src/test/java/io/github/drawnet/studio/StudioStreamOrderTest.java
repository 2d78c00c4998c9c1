package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.NotebookVisualizer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A page that connects its event stream as its Start arrives (a reload while a class's runs queue, or
 * a quick student) is told every status from its first one on: never "idle" and then "training"
 * with the "queued" between them lost.
 *
 * <p>Javalin answers the stream's headers before the studio adds the page to its listeners, and the
 * page's first status and its joining the listeners were two steps: a Start that took the session's
 * lock between them was broadcast without this page, which then read "idle" and next "training". The
 * two are one step under the session's lock now. The window is narrow: with the steps apart again
 * this test passed 10 runs of 10 (the race needs the joining thread descheduled for a whole Start),
 * so it guards the order of what a page is told (a first status, then every change after it, the
 * "queued" among them) rather than proving that one race closed.
 */
final class StudioStreamOrderTest {

    static final int STUDENTS = 40;
    static final String SETTINGS = "{\"backend\":\"reference\",\"epochs\":\"1\",\"trainSize\":\"60\","
            + "\"validationSize\":\"30\",\"testSize\":\"30\",\"hidden\":\"3\"}";

    @Test
    void streamConnectedAsStartArrives_everyStatusAfterTheFirstIsTold() throws Exception {
        StudioServer.Options options = new StudioServer.Options("127.0.0.1", 0, STUDENTS + 4, 2, 16).withWarmUp(false);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (StudioServer server = new StudioServer(Backends.discover(), new NotebookVisualizer(), options)) {
            String base = "http://127.0.0.1:" + server.start();
            String drawing = Classroom.blob();
            List<Classroom.Student> students = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                students.add(new Classroom.Student(base));
            }
            List<Future<Integer>> starts = new ArrayList<>();
            for (Classroom.Student s : students) {
                CountDownLatch both = new CountDownLatch(2);
                // the Start goes first on its own thread; the stream is opened as it is being read
                starts.add(pool.submit(() -> {
                    both.countDown();
                    both.await();
                    return s.start(drawing, SETTINGS);
                }));
                pool.submit(() -> {
                    both.countDown();
                    both.await();
                    s.listen();
                    return null;
                });
            }
            for (Future<Integer> f : starts) {
                assertThat(f.get(2, TimeUnit.MINUTES)).isEqualTo(202);
            }
            for (Classroom.Student s : students) {
                // a page that joined after its run ended reads "done" as its first status, and no done event
                StudioServerTest.await(() -> s.states.contains("done"), 120, "student " + s.id + "'s run to end");
            }
            // most pages joined before their Start reached the session: the race this is about was run
            assertThat(students.stream().filter(s -> s.states.get(0).equals("idle")).count()).isGreaterThan(STUDENTS / 2);
            assertThat(students).allSatisfy(s -> {
                List<String> states = List.copyOf(s.states);
                assertThat(states).as("%s", states).doesNotContain("failed");
                // the first status is where the session was when the page joined; each later one follows it
                if (states.get(0).equals("idle")) {
                    assertThat(states).as("told it waited: %s", states).containsSubsequence("idle", "queued",
                            "training", "done");
                }
            });
            for (Classroom.Student s : students) {
                s.drop();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
