package be.buurtstem.content;

import be.buurtstem.engine.Answer;
import be.buurtstem.engine.Button;
import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.OutboundMessage;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.StateCodec;
import be.buurtstem.engine.Turn;
import be.buurtstem.engine.golden.Player;
import be.buurtstem.engine.golden.Script;
import be.buurtstem.engine.model.Questionnaire;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Plays a conversation through the engine API like a resident would, checking every message on the way:
 * nothing empty, no unformatted pattern, Arabic messages right-to-left. It wraps the engine tests' shared
 * {@link Player}, which sends the state through {@link StateCodec} before every step, as the service stores it.
 */
final class Driver {
    static final Instant T0 = Player.T0;

    final Player player;
    final Conversation conv;
    final String language;
    ConversationState state;
    Turn last;
    final List<Event> events;
    final List<OutboundMessage> transcript;

    /** Reprompts fail the test unless a test about misunderstandings allows them. */
    boolean repromptsAllowed;

    Driver(Questionnaire q, String language) {
        this(q, language, language);
    }

    /** @param known the language the channel passes to start (null: not known), {@code language} the expected one */
    Driver(Questionnaire q, String language, String known) {
        this.player = new Player(q, RespondentContext.of("test"), Duration.ofSeconds(20)).onTurn(this::accept);
        this.conv = player.conversation();
        this.language = language;
        this.events = player.events();
        this.transcript = player.messages();
        player.start(known);
    }

    Driver press(String id) {
        OutboundMessage prompt = prompt();
        if (!id.startsWith("_") && !"yes".equals(id) && !"no".equals(id) && !"skip".equals(id)) {
            assertTrue(prompt.buttons().stream().anyMatch(b -> b.id().equals(id)),
                    "no button '" + id + "' on: " + prompt.text() + " " + prompt.buttons());
        }
        return send(Input.choice(id));
    }

    Driver say(String text) {
        return send(Input.text(text));
    }

    Driver send(Input input) {
        player.note(Script.line(input));
        player.send(input);
        return this;
    }

    private void accept(Turn t) {
        last = t;
        state = t.state();
        t.messages().forEach(this::check);
        for (Event e : t.events()) {
            if (e instanceof Event.Reprompted r && !repromptsAllowed) {
                fail("reprompted at " + r.questionId() + " (" + r.reason() + ") in " + language + ": " + t.messages()
                        + "\n" + player.transcript());
            }
        }
    }

    private void check(OutboundMessage m) {
        assertNotNull(m.text());
        assertFalse(m.text().isBlank(), "an empty message");
        assertFalse(m.text().contains("{") || m.text().contains("}"), "unformatted: " + m.text());
        if (language.equals("ar") && !m.text().contains("Choose your language")) {
            assertEquals('R', Content.firstStrong(m.text()), "Arabic message must read right-to-left: " + m.text());
        }
        for (Button b : m.buttons()) {
            assertFalse(b.label().isBlank(), "a button without a label in " + m.text());
        }
    }

    /** The last message that waits for an answer. */
    OutboundMessage prompt() {
        return last.messages().get(last.messages().size() - 1);
    }

    String lastText() {
        return prompt().text();
    }

    /** All texts of the last turn, joined. */
    String turnText() {
        return String.join("\n", last.messages().stream().map(OutboundMessage::text).toList());
    }

    Answer answer(String question) {
        return state.latestAnswer(question);
    }

    Answer answer(String question, int round) {
        return state.answer(question, round);
    }

    boolean has(Class<? extends Event> kind) {
        return events.stream().anyMatch(kind::isInstance);
    }
}
