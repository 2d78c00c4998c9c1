package io.github.drawnet.studio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.assertThatNoException;

import io.github.drawnet.studio.SessionLife.Event;
import io.github.drawnet.studio.SessionLife.Outcome;
import io.github.drawnet.studio.StudioSession.State;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The session's life, pair by pair: every state with every event, as the table in {@link SessionLife}'s
 * javadoc lists it. A row is "STATE EVENT -> outcome": the states the event may lead to, "refused STATUS KEY"
 * (a page's request refused with that message), or "illegal" (a report the trainer cannot make there).
 */
final class SessionLifeTest {

    static final Map<String, String> MESSAGES = Map.of(
            "RUNNING", "a run is already going on in this page; stop it first",
            "ENDED", "this studio session has ended; reload the page",
            "NOTHING_TO_CONTINUE", "there is no finished run to continue; start one first",
            "NOTHING_TO_STEP", "there is no run to step; start one first",
            "STEP_WHILE_TRAINING", "the run is training; pause it first, then step one epoch at a time");

    static final List<String> TABLE = List.of(
            "IDLE START -> QUEUED", "IDLE LOAD -> DONE", "IDLE CONTINUE -> refused 409 NOTHING_TO_CONTINUE",
            "IDLE STEP -> refused 409 NOTHING_TO_STEP", "IDLE PAUSE -> IDLE", "IDLE RESUME -> IDLE", "IDLE STOP -> IDLE",
            "IDLE END -> CLOSED", "IDLE TAKE -> IDLE", "IDLE YIELD -> illegal", "IDLE FINISH -> illegal",
            "IDLE FAIL -> illegal",

            "QUEUED START -> refused 409 RUNNING", "QUEUED LOAD -> refused 409 RUNNING",
            "QUEUED CONTINUE -> refused 409 RUNNING", "QUEUED STEP -> refused 409 STEP_WHILE_TRAINING",
            "QUEUED PAUSE -> PAUSED QUEUED", "QUEUED RESUME -> QUEUED", "QUEUED STOP -> IDLE DONE QUEUED",
            "QUEUED END -> CLOSED", "QUEUED TAKE -> TRAINING PAUSED", "QUEUED YIELD -> illegal",
            "QUEUED FINISH -> illegal", "QUEUED FAIL -> illegal",

            "TRAINING START -> refused 409 RUNNING", "TRAINING LOAD -> refused 409 RUNNING",
            "TRAINING CONTINUE -> refused 409 RUNNING", "TRAINING STEP -> refused 409 STEP_WHILE_TRAINING",
            "TRAINING PAUSE -> TRAINING", "TRAINING RESUME -> TRAINING", "TRAINING STOP -> TRAINING",
            "TRAINING END -> CLOSED", "TRAINING TAKE -> TRAINING", "TRAINING YIELD -> PAUSED QUEUED",
            "TRAINING FINISH -> DONE", "TRAINING FAIL -> FAILED",

            "PAUSED START -> refused 409 RUNNING", "PAUSED LOAD -> refused 409 RUNNING",
            "PAUSED CONTINUE -> refused 409 RUNNING", "PAUSED STEP -> QUEUED", "PAUSED PAUSE -> PAUSED",
            "PAUSED RESUME -> QUEUED", "PAUSED STOP -> IDLE DONE FAILED", "PAUSED END -> CLOSED",
            "PAUSED TAKE -> PAUSED", "PAUSED YIELD -> illegal", "PAUSED FINISH -> illegal", "PAUSED FAIL -> illegal",

            "DONE START -> QUEUED", "DONE LOAD -> DONE", "DONE CONTINUE -> QUEUED", "DONE STEP -> QUEUED",
            "DONE PAUSE -> DONE", "DONE RESUME -> DONE", "DONE STOP -> DONE", "DONE END -> CLOSED", "DONE TAKE -> DONE",
            "DONE YIELD -> illegal", "DONE FINISH -> illegal", "DONE FAIL -> illegal",

            "FAILED START -> QUEUED", "FAILED LOAD -> DONE", "FAILED CONTINUE -> refused 409 NOTHING_TO_CONTINUE",
            "FAILED STEP -> refused 409 NOTHING_TO_STEP", "FAILED PAUSE -> FAILED", "FAILED RESUME -> FAILED",
            "FAILED STOP -> FAILED", "FAILED END -> CLOSED", "FAILED TAKE -> FAILED", "FAILED YIELD -> illegal",
            "FAILED FINISH -> illegal", "FAILED FAIL -> illegal",

            "CLOSED START -> refused 410 ENDED", "CLOSED LOAD -> refused 410 ENDED",
            "CLOSED CONTINUE -> refused 410 ENDED", "CLOSED STEP -> refused 410 ENDED", "CLOSED PAUSE -> CLOSED",
            "CLOSED RESUME -> CLOSED", "CLOSED STOP -> CLOSED", "CLOSED END -> CLOSED", "CLOSED TAKE -> CLOSED",
            "CLOSED YIELD -> CLOSED", "CLOSED FINISH -> CLOSED", "CLOSED FAIL -> CLOSED");

    static Stream<String> table() {
        return TABLE.stream();
    }

    @Test
    void table_listsEveryStateWithEveryEvent_once() {
        Set<String> pairs = new HashSet<>();
        for (String row : TABLE) {
            String[] w = row.split(" ");
            assertThat(pairs.add(w[0] + " " + w[1])).as("listed twice: " + row).isTrue();
        }
        assertThat(pairs).hasSize(State.values().length * Event.values().length);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void outcome_asTheTableSays(String row) {
        String[] sides = row.split(" -> ");
        State from = State.valueOf(sides[0].split(" ")[0]);
        Event event = Event.valueOf(sides[0].split(" ")[1]);
        String[] outcome = sides[1].split(" ");
        Outcome o = SessionLife.outcome(from, event);
        if (outcome[0].equals("refused")) {
            String message = MESSAGES.get(outcome[2]);
            assertThat(event.requested()).as("only a page's request is refused").isTrue();
            assertThat(o.allowed()).isFalse();
            assertThat(o.to()).isEmpty();
            assertThat(o.status()).isEqualTo(Integer.parseInt(outcome[1]));
            assertThat(o.refusal()).isEqualTo(message);
            for (State to : State.values()) {
                assertThatThrownBy(() -> SessionLife.move(from, event, to)).isInstanceOfSatisfying(StudioException.class,
                        e -> assertThat(e.status()).isEqualTo(Integer.parseInt(outcome[1]))).hasMessage(message);
            }
            assertThatThrownBy(() -> SessionLife.check(from, event)).isInstanceOf(StudioException.class)
                    .hasMessage(message);
        } else if (outcome[0].equals("illegal")) {
            assertThat(event.requested()).as("only the trainer's reports are illegal").isFalse();
            assertThat(o.allowed()).isFalse();
            assertThat(o.status()).isEqualTo(500);
            String message = "the trainer cannot report " + event.name().toLowerCase() + " while the session is "
                    + from.name().toLowerCase() + " (only while training)";
            for (State to : State.values()) {
                assertThatThrownBy(() -> SessionLife.move(from, event, to)).isExactlyInstanceOf(
                        IllegalStateException.class).hasMessage(message);
            }
        } else {
            Set<State> allowed = Arrays.stream(outcome).map(State::valueOf)
                    .collect(Collectors.toCollection(() -> EnumSet.noneOf(State.class)));
            assertThat(o.allowed()).isTrue();
            assertThat(o.status()).isZero();
            assertThat(o.refusal()).isNull();
            assertThat(o.to()).containsExactlyInAnyOrderElementsOf(allowed);
            assertThatNoException().isThrownBy(() -> SessionLife.check(from, event));
            for (State to : State.values()) {
                if (allowed.contains(to)) {
                    assertThat(SessionLife.move(from, event, to)).isEqualTo(to);
                } else {
                    assertThatThrownBy(() -> SessionLife.move(from, event, to)).isExactlyInstanceOf(
                            IllegalStateException.class).hasMessageStartingWith(event.name().toLowerCase()
                            + " takes a session from " + from.name().toLowerCase() + " to ")
                            .hasMessageEndingWith(", not to " + to.name().toLowerCase());
                }
            }
        }
    }

    @Test
    void move_namesTheStatesAllowed_inTheirOrder() {
        assertThatThrownBy(() -> SessionLife.move(State.QUEUED, Event.STOP, State.TRAINING))
                .hasMessage("stop takes a session from queued to idle or queued or done, not to training");
        assertThatThrownBy(() -> SessionLife.move(State.DONE, Event.FINISH, State.DONE))
                .hasMessage("the trainer cannot report finish while the session is done (only while training)");
    }

    @Test
    void requested_thePagesEventsNotTheTrainers() {
        assertThat(Arrays.stream(Event.values()).filter(Event::requested)).containsExactly(Event.START, Event.LOAD,
                Event.CONTINUE, Event.STEP, Event.PAUSE, Event.RESUME, Event.STOP, Event.END);
    }
}
