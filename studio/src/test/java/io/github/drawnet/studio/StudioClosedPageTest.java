package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.drawnet.api.Backends;
import io.github.drawnet.viz.NotebookVisualizer;
import org.junit.jupiter.api.Test;

/**
 * A page found gone ends its session's run without waiting for the session on the thread that found
 * it: Javalin runs the close callback inside the send that failed, with the page's connection locked,
 * while a status sent under the session's lock waits for that connection. Waiting there for the
 * session was a deadlock (the studio's housekeeping thread, whose heartbeat found the page gone, and
 * a trainer sending a status, both stuck for good).
 */
final class StudioClosedPageTest {

    @Test
    void pageGone_whileTheSessionIsBusy_returnsAtOnce_theSessionEndsOnceFree() throws Exception {
        StudioServer.Options options = new StudioServer.Options("127.0.0.1", 0, 4, 1, 16).withWarmUp(false);
        try (StudioServer server = new StudioServer(Backends.discover(), new NotebookVisualizer(), options)) {
            String base = "http://127.0.0.1:" + server.start();
            Classroom.Student student = new Classroom.Student(base);
            StudioSession session = server.sessions().get(student.id);
            Thread callback = new Thread(() -> server.pageGone(session, null), "as-if-a-failed-send");
            synchronized (session) {
                // the session is busy (a Start or a trainer's status holds its lock): the callback does not wait
                callback.start();
                callback.join(5_000);
                assertThat(callback.isAlive()).as("the close callback waits for the busy session").isFalse();
                assertThat(server.sessions()).containsKey(student.id);
            }
            // once free, the page's leaving does its part: no page listens, so the session goes
            StudioServerTest.await(() -> !server.sessions().containsKey(student.id), 10, "the session to close");
            assertThat(session.state()).isEqualTo(StudioSession.State.CLOSED);
        }
    }
}
