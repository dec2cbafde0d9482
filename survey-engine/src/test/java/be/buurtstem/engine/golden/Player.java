package be.buurtstem.engine.golden;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.StateCodec;
import be.buurtstem.engine.Turn;
import be.buurtstem.engine.model.Questionnaire;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The one conversation driver of the tests (the engine's, content's and the golden files'): it plays a conversation
 * through the engine's public API as a channel does, with the state stored as JSON and read back before every reply
 * (it must come back equal), a clock that moves a fixed step per input, and the transcript written in the golden
 * files' notation as it goes. Hand-written tests wrap it with their own assertions; {@link Transcript} plays a
 * {@link Script} with it.
 */
public final class Player {
    public static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final Conversation conversation;
    private final RespondentContext context;
    private final Duration step;
    private final StringBuilder transcript = new StringBuilder();
    private final List<Event> events = new ArrayList<>();
    private final List<OutboundMessage> messages = new ArrayList<>();
    private final List<Consumer<Turn>> listeners = new ArrayList<>();
    private Instant now;
    private Turn last;

    /** Does not start yet: call {@link #start} (after adding a listener, if any). */
    public Player(Questionnaire questionnaire, RespondentContext context, Duration step) {
        this.conversation = new Conversation(questionnaire);
        this.context = context;
        this.step = step;
        this.now = T0;
    }

    /** Every turn, as soon as it comes, e.g. to check each message. */
    public Player onTurn(Consumer<Turn> listener) {
        listeners.add(listener);
        return this;
    }

    /** A new conversation, as a channel starts one; {@code language} null when the channel does not know it. */
    public Turn start(String language) {
        if (last != null) {
            now = now.plus(step);
        }
        return accept(conversation.start(language, context, now));
    }

    /** The resident sends something; the clock moves one step first. */
    public Turn send(Input input) {
        now = now.plus(step);
        return accept(conversation.reply(stored(last.state()), input, now));
    }

    /** Time passes without a message. */
    public void pass(Duration d) {
        now = now.plus(d);
    }

    /** Sets the clock (for tests that move it by hand). */
    public void at(Instant instant) {
        now = instant;
    }

    /** A line in the transcript (an input, a comment), in the golden files' notation. */
    public void note(String line) {
        transcript.append(line).append('\n');
    }

    private Turn accept(Turn t) {
        last = t;
        events.addAll(t.events());
        messages.addAll(t.messages());
        Transcript.write(t, transcript);
        listeners.forEach(l -> l.accept(t));
        return t;
    }

    /** The state as the service keeps it between two messages: through JSON, and it must come back the same. */
    static ConversationState stored(ConversationState s) {
        ConversationState back = StateCodec.fromJson(StateCodec.toJson(s));
        if (!back.equals(s)) {
            throw new AssertionError("the state does not survive JSON:\n" + s + "\n" + back);
        }
        return back;
    }

    public Conversation conversation() {
        return conversation;
    }

    public Turn last() {
        return last;
    }

    public ConversationState state() {
        return last.state();
    }

    public Instant now() {
        return now;
    }

    /** Every event so far, in order. */
    public List<Event> events() {
        return events;
    }

    /** Every message so far, in order. */
    public List<OutboundMessage> messages() {
        return messages;
    }

    /** The conversation so far in the golden files' notation (for failure messages). */
    public String transcript() {
        return transcript.toString();
    }
}
