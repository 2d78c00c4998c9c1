package io.github.drawnet.studio;

import io.github.drawnet.studio.StudioSession.State;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The life of a studio session as one table: for each state and each event, the states the event may
 * lead to, or the refusal the page reads. {@link StudioSession} makes every change of its state through
 * {@link #move}, so that a change the table does not list fails at once, naming the state, the event
 * and what the table allows, instead of leaving a session in a state nobody planned for.
 *
 * <p>The page's requests are Start, Load (a saved model), Continue, Step, Pause, Resume, Stop and End
 * (the tab closed, or its event stream ended); the trainer's are Take (a trainer takes the queued
 * run), Yield (the run pauses after an epoch and gives its trainer back), Finish and Fail.
 *
 * <table>
 * <caption>Where each event leads ("stays": nothing changes; a number: the request is refused)</caption>
 * <tr><th>state</th><th>Start</th><th>Load</th><th>Continue</th><th>Step</th><th>Pause</th><th>Resume</th>
 *     <th>Stop</th><th>End</th><th>Take</th><th>Yield</th><th>Finish</th><th>Fail</th></tr>
 * <tr><td>IDLE</td><td>QUEUED</td><td>DONE</td><td>409</td><td>409</td><td>stays</td><td>stays</td>
 *     <td>stays</td><td>CLOSED</td><td>stays</td><td>illegal</td><td>illegal</td><td>illegal</td></tr>
 * <tr><td>QUEUED</td><td>409</td><td>409</td><td>409</td><td>409*</td><td>PAUSED, stays</td><td>stays</td>
 *     <td>IDLE, DONE, stays</td><td>CLOSED</td><td>TRAINING, PAUSED</td><td>illegal</td><td>illegal</td>
 *     <td>illegal</td></tr>
 * <tr><td>TRAINING</td><td>409</td><td>409</td><td>409</td><td>409*</td><td>stays</td><td>stays</td>
 *     <td>stays</td><td>CLOSED</td><td>stays</td><td>PAUSED, QUEUED</td><td>DONE</td><td>FAILED</td></tr>
 * <tr><td>PAUSED</td><td>409</td><td>409</td><td>409</td><td>QUEUED</td><td>stays</td><td>QUEUED</td>
 *     <td>IDLE, DONE, FAILED</td><td>CLOSED</td><td>stays</td><td>illegal</td><td>illegal</td><td>illegal</td></tr>
 * <tr><td>DONE</td><td>QUEUED</td><td>DONE</td><td>QUEUED</td><td>QUEUED</td><td>stays</td><td>stays</td>
 *     <td>stays</td><td>CLOSED</td><td>stays</td><td>illegal</td><td>illegal</td><td>illegal</td></tr>
 * <tr><td>FAILED</td><td>QUEUED</td><td>DONE</td><td>409</td><td>409</td><td>stays</td><td>stays</td>
 *     <td>stays</td><td>CLOSED</td><td>stays</td><td>illegal</td><td>illegal</td><td>illegal</td></tr>
 * <tr><td>CLOSED</td><td>410</td><td>410</td><td>410</td><td>410</td><td>stays</td><td>stays</td>
 *     <td>stays</td><td>stays</td><td>stays</td><td>stays</td><td>stays</td><td>stays</td></tr>
 * </table>
 *
 * <p>Notes on the table. Pause, Resume and Stop of a training run change no state: they ask the run
 * to pause or stop after its epoch, which then Yields or Finishes. A queued run that a trainer has just
 * taken stays QUEUED on Pause or Stop (it leaves the queue too late) and pauses or stops as the trainer
 * takes it or after its first epoch. Take in any state but QUEUED is a run that left the queue
 * before a trainer reached it: the trainer goes back. A closed session ignores what the trainer still
 * reports. (*) A Step while the run is asked to pause is not a change of state, and so not in the
 * table: it lets the run train one more epoch before it pauses.
 *
 * <p>Thread-safe (no state; the session holds its lock around each move).
 */
final class SessionLife {

    /** What happens to a session: a page's request or its trainer's report. */
    enum Event {
        /** Start: a new run on the drawing. */
        START,
        /** Load: a saved model becomes the session's finished run. */
        LOAD,
        /** Continue: the finished run trains more epochs. */
        CONTINUE,
        /** Step: one epoch, of a paused or a finished run. */
        STEP,
        /** Pause: a queued run leaves the queue, a training one pauses after its epoch. */
        PAUSE,
        /** Resume: a paused run goes to the back of the queue. */
        RESUME,
        /** Stop: a queued run leaves the queue, a training one stops after its epoch, a paused one ends. */
        STOP,
        /** End: the page went away (its tab closed, its event stream ended, or it idled too long). */
        END,
        /** Take: a trainer takes the queued run. */
        TAKE,
        /** Yield: the run paused after an epoch and gave its trainer back. */
        YIELD,
        /** Finish: the trainer finished the run (its epochs, a stop, or a divergence). */
        FINISH,
        /** Fail: the run failed on its trainer. */
        FAIL;

        /** Returns whether the page asks for this event (a refusal is then its answer). */
        boolean requested() {
            return switch (this) {
                case START, LOAD, CONTINUE, STEP, PAUSE, RESUME, STOP, END -> true;
                case TAKE, YIELD, FINISH, FAIL -> false;
            };
        }
    }

    /**
     * What an event may do in a state: lead to one of {@code to} (which holds the state itself when the
     * event may leave it as it is), or be refused with an HTTP status and a message for the page.
     *
     * @param to the states the event may lead to; empty for a refused or an illegal event
     * @param status the HTTP status of a refusal (409, 410), 500 for an event the trainer cannot report
     *     in this state, 0 when the event is allowed
     * @param refusal the refusal's message, or null when the event is allowed
     */
    record Outcome(Set<State> to, int status, String refusal) {

        Outcome {
            to = to.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(to));
        }

        /** Returns whether the event is allowed in the state. */
        boolean allowed() {
            return refusal == null;
        }
    }

    static final String RUNNING = "a run is already going on in this page; stop it first";
    static final String ENDED = "this studio session has ended; reload the page";
    static final String NOTHING_TO_CONTINUE = "there is no finished run to continue; start one first";
    static final String NOTHING_TO_STEP = "there is no run to step; start one first";
    static final String STEP_WHILE_TRAINING = "the run is training; pause it first, then step one epoch at a time";

    private SessionLife() {
    }

    /** Returns what {@code event} may do in state {@code from}: the table above, row by row. */
    static Outcome outcome(State from, Event event) {
        if (from == State.CLOSED) {
            // an ended session refuses new work and ignores whatever else still arrives
            return switch (event) {
                case START, LOAD, CONTINUE, STEP -> refuse(410, ENDED);
                case PAUSE, RESUME, STOP, END, TAKE, YIELD, FINISH, FAIL -> to(from);
            };
        }
        boolean live = from == State.QUEUED || from == State.TRAINING || from == State.PAUSED;
        return switch (event) {
            case START -> live ? refuse(409, RUNNING) : to(State.QUEUED);
            case LOAD -> live ? refuse(409, RUNNING) : to(State.DONE);
            case CONTINUE -> live ? refuse(409, RUNNING)
                    : from == State.DONE ? to(State.QUEUED) : refuse(409, NOTHING_TO_CONTINUE);
            case STEP -> switch (from) {
                case PAUSED, DONE -> to(State.QUEUED);
                case QUEUED, TRAINING -> refuse(409, STEP_WHILE_TRAINING);
                case IDLE, FAILED, CLOSED -> refuse(409, NOTHING_TO_STEP);
            };
            case PAUSE -> from == State.QUEUED ? to(State.PAUSED, State.QUEUED) : to(from);
            case RESUME -> from == State.PAUSED ? to(State.QUEUED) : to(from);
            case STOP -> switch (from) {
                case QUEUED -> to(State.IDLE, State.DONE, State.QUEUED);
                case PAUSED -> to(State.IDLE, State.DONE, State.FAILED);
                case IDLE, TRAINING, DONE, FAILED, CLOSED -> to(from);
            };
            case END -> to(State.CLOSED);
            case TAKE -> from == State.QUEUED ? to(State.TRAINING, State.PAUSED) : to(from);
            case YIELD -> from == State.TRAINING ? to(State.PAUSED, State.QUEUED) : illegal(from, event);
            case FINISH -> from == State.TRAINING ? to(State.DONE) : illegal(from, event);
            case FAIL -> from == State.TRAINING ? to(State.FAILED) : illegal(from, event);
        };
    }

    /**
     * Refuses {@code event} in state {@code from} if the table does.
     *
     * @throws StudioException with the table's status (409, 410) and message when the table refuses it
     */
    static void check(State from, Event event) {
        Outcome o = outcome(from, event);
        if (!o.allowed()) {
            throw new StudioException(o.status(), o.refusal());
        }
    }

    /**
     * Returns {@code to}, the state {@code event} takes a session in state {@code from} to, once the table
     * allows it.
     *
     * @throws StudioException with the table's status and message when the table refuses a page's request
     * @throws IllegalStateException when the table has no such report of the trainer in this state, or
     *     allows the event but not to {@code to}: a mistake in the session, named with what the table allows
     */
    static State move(State from, Event event, State to) {
        Outcome o = outcome(from, event);
        if (!o.allowed() && !event.requested()) {
            throw new IllegalStateException(o.refusal());
        }
        check(from, event);
        if (!o.to().contains(to)) {
            throw new IllegalStateException(name(event) + " takes a session from " + name(from) + " to "
                    + o.to().stream().sorted().map(SessionLife::name).collect(Collectors.joining(" or "))
                    + ", not to " + name(to));
        }
        return to;
    }

    private static String name(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Outcome to(State first, State... more) {
        return new Outcome(EnumSet.of(first, more), 0, null);
    }

    private static Outcome refuse(int status, String message) {
        return new Outcome(Set.of(), status, message);
    }

    private static Outcome illegal(State from, Event event) {
        return new Outcome(Set.of(), 500, "the trainer cannot report " + name(event) + " while the session is "
                + name(from) + " (only while training)");
    }
}
