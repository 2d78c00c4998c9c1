package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.NotebookVisualizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A class in the studio, over HTTP on this machine with the default options: thirty students each
 * open a session and its event stream and start the default experiment; eight close their tab a
 * second after Start. Behaviour only: what finishes, what is refused, what stops; no time is asserted
 * (the waits are measured by {@link StudioLoadBenchmark} and written in BENCHMARKS.md).
 *
 * <p>The runs that finish train 10 epochs instead of the default 100, so that the test stays short
 * on two busy cores; the closers' runs ask for 1,000, so that the first two are surely training when
 * their tabs close.
 */
@Tag("engine")
final class StudioLoadTest {

    static final int STUDENTS = 30;
    static final int CLOSERS = 8;

    @Test
    void thirtyStudents_eightCloseTheirTab_everyOtherRunFinishes_closedRunsStop_studioIdle() throws Exception {
        try (StudioServer server = new StudioServer(Backends.discover(), new NotebookVisualizer(),
                StudioServer.Options.local(0))) {
            String base = "http://127.0.0.1:" + server.start();
            String drawing = Classroom.blob();
            List<Classroom.Student> students = new ArrayList<>();
            for (int i = 0; i < STUDENTS; i++) {
                Classroom.Student s = new Classroom.Student(base);
                s.listen();
                students.add(s);
            }
            List<Classroom.Student> closers = new ArrayList<>(students.subList(0, CLOSERS));
            List<Classroom.Student> stayers = new ArrayList<>(students.subList(CLOSERS, STUDENTS));
            // the first two closers start first: they reach the trainers; the other six wait among the rest
            for (Classroom.Student s : closers.subList(0, 2)) {
                assertThat(s.start(drawing, "{\"epochs\":\"1000\"}")).isEqualTo(202);
            }
            ExecutorService pool = Executors.newFixedThreadPool(8);
            List<Future<Integer>> starts = new ArrayList<>();
            List<Classroom.Student> rest = new ArrayList<>(students.subList(2, STUDENTS));
            java.util.Collections.shuffle(rest, new java.util.Random(26));
            for (Classroom.Student s : rest) {
                String settings = closers.contains(s) ? "{\"epochs\":\"1000\"}" : "{\"epochs\":\"10\"}";
                starts.add(pool.submit(() -> s.start(drawing, settings)));
            }
            for (Future<Integer> f : starts) {
                assertThat(f.get(2, TimeUnit.MINUTES)).as("every Start is accepted").isEqualTo(202);
            }
            Thread.sleep(1000);

            Map<String, StudioSession> live = Map.copyOf(server.sessions());
            List<StudioSession> closed = closers.stream().map(s -> live.get(s.id)).toList();
            assertThat(closed.subList(0, 2)).allSatisfy(s -> assertThat(s.state()).isEqualTo(StudioSession.State.TRAINING));
            // half the tabs send the page's close beacon and drop the stream; half only drop the stream
            for (int i = 0; i < CLOSERS; i++) {
                Classroom.Student s = closers.get(i);
                if (i % 2 == 0) {
                    assertThat(s.beacon()).isEqualTo(204);
                    // at once: out of the queue and ended, though both trainers are busy
                    assertThat(server.queue().waitingOwners()).doesNotContain(s.id);
                    assertThat(closed.get(i).state()).isEqualTo(StudioSession.State.CLOSED);
                }
                s.drop();
            }
            for (int i = 0; i < CLOSERS; i++) {
                StudioSession s = closed.get(i);
                StudioServerTest.await(() -> s.released() && !server.queue().waitingOwners().contains(s.id), 60,
                        "closed tab " + i + " to free its run");
                assertThat(s.history().size()).isLessThan(1000);
            }
            assertThat(closers).allSatisfy(s -> assertThat(s.done.getCount()).as("a closed tab's run does not finish")
                    .isEqualTo(1));

            for (Classroom.Student s : stayers) {
                assertThat(s.done.await(5, TimeUnit.MINUTES)).as("student %s's run finishes", s.id).isTrue();
            }
            assertThat(stayers).allSatisfy(s -> {
                assertThat(s.startStatus).isEqualTo(202);
                assertThat(s.states).contains("queued", "training", "done");
                assertThat(s.states).doesNotContain("failed");
            });
            // some waited behind others, and were told their place
            assertThat(stayers.stream().filter(s -> !s.queued.isEmpty()).count()).isPositive();
            assertThat(stayers.stream().flatMap(s -> s.queued.stream()).mapToInt(n -> n.get("position").asInt()).max()
                    .orElse(0)).isGreaterThan(1);

            assertThat(server.queue().awaitIdle(60_000)).isTrue();
            assertThat(server.queue().waiting()).isZero();
            assertThat(server.queue().training()).isZero();
            assertThat(server.sessions().values()).noneMatch(StudioSession::isLive);
            assertThat(server.sessions().keySet()).doesNotContainAnyElementsOf(closers.stream().map(s -> s.id).toList());
            assertThat(server.sessions()).hasSize(STUDENTS - CLOSERS);
            pool.shutdownNow();
            for (Classroom.Student s : stayers) {
                s.drop();
            }
        }
    }
}
