package be.buurtstem.engine.run;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.ConversationState.Await;
import be.buurtstem.engine.ConversationState.Status;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.Position;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The working copy of one conversation step: a mutable copy of the state, used by one thread for one call and
 * turned back into an immutable {@link ConversationState} by {@link Step#turn()}. Keeping the mutation inside one
 * short-lived object keeps the public types immutable and the step cheap. What the step only reads is in
 * {@link StepContext}. The logic is in collaborators that share these two, each using only the ones before it:
 * {@link Prompts} (what is shown), {@link Routing} (recording and where to go next), {@link Answering} (answers that
 * need the conversation state), {@link Commands} (stop, back, skip, language, help, delete, my data); {@link Step}
 * wires them and holds the entry points.
 */
final class StepState {
    /** After this many misses in a row the engine offers to skip the question. */
    static final int MISSES_BEFORE_OFFER = 3;
    /** History is only for "back"; a bound keeps states small even in long loops. */
    static final int MAX_HISTORY = 200;
    /** Nodes entered in one step before we assume a loop without questions (the validator reports those). */
    static final int MAX_HOPS = 1000;
    static final String DONE = be.buurtstem.engine.kinds.Kinds.DONE;
    static final String YES = be.buurtstem.engine.kinds.Kinds.YES;
    static final String NO = be.buurtstem.engine.kinds.Kinds.NO;
    /** Context key: the resident chose the language before the first message; the language node is not asked again. */
    static final String LANGUAGE_ASKED = "_language_asked";
    /** Button id: "that word is my answer" at {@link ConversationState.Await#COMMAND_CONFIRM}. */
    static final String IS_ANSWER = "_answer";

    int version;
    String lang;
    Status status;
    String node;
    int round;
    Await await;
    int misses;
    boolean consented;
    List<String> selection;
    final List<Position> history;
    final List<Answer> answers;
    final Map<String, Integer> rounds;
    /** The respondent context; {@link #LANGUAGE_ASKED} is added when the language was asked before the start. */
    final Map<String, String> context;
    final List<OutboundMessage> messages = new ArrayList<>(3);
    final List<Event> events = new ArrayList<>(2);
    int hops;
    /** What the resident typed in this step (stripped), or null: kept in a reprompt so that no words are lost. */
    String typed;

    StepState(ConversationState s) {
        this.version = s.version();
        this.lang = s.language();
        this.status = s.status();
        this.node = s.node();
        this.round = s.round();
        this.await = s.await();
        this.misses = s.misses();
        this.consented = s.consented();
        this.selection = s.selection();
        this.history = new ArrayList<>(s.history());
        this.answers = new ArrayList<>(s.answers());
        this.rounds = new HashMap<>(s.rounds());
        this.context = new HashMap<>(s.context());
    }

    /** Leaving a question or asking one: no misses and no ticked options carry over to the next. */
    void newQuestion() {
        misses = 0;
        selection = List.of();
    }
}
