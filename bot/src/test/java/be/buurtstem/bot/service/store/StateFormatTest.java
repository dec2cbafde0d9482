package be.buurtstem.bot.service.store;

import be.buurtstem.engine.Conversation;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Event;
import be.buurtstem.engine.Expect;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.QuestionnaireLoader;
import be.buurtstem.engine.StateCodec;
import be.buurtstem.engine.Turn;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A session stored before issue 17 (fixture {@code session-before-issue17.json}: the bot's own port types then, the
 * state as the engine's JSON with {@code "v":1}) is read by today's code and the conversation goes on; the state's
 * format version is read: a newer one is refused with a clear message, one without a version is version 1.
 */
class StateFormatTest {

    @Test
    void aSessionWrittenBeforeIssue17IsReadAndItsConversationGoesOn() throws IOException {
        Document stored = Document.parse(resource("/fixtures/session-before-issue17.json"));
        SessionRecord session = Sessions.read(stored);
        ConversationState state = session.state();
        assertEquals("inclusieweb", state.questionnaireId());
        assertEquals("home_languages", state.node());
        assertEquals(5, state.answers().size());
        assertTrue(state.consented());
        assertEquals(7, session.version());
        assertEquals(Expect.CHOICE, session.lastMessages().getFirst().expect());
        assertEquals("_done", session.lastMessages().getFirst().buttons().getLast().id());

        var questionnaire = QuestionnaireLoader.parse(
                resource("/be/buurtstem/content/questionnaires/inclusieweb.yaml"), "inclusieweb.yaml").questionnaire();
        Conversation conversation = new Conversation(questionnaire);
        Turn toggled = conversation.reply(state, Input.choice("nl"), Instant.parse("2026-12-02T00:10:00Z"));
        Turn done = conversation.reply(toggled.state(), Input.choice("_done"), Instant.parse("2026-12-02T00:10:05Z"));
        assertTrue(done.events().stream().anyMatch(e -> e instanceof Event.AnswerRecorded a
                && a.answer().questionId().equals("home_languages")), "the old state takes the next answer");

        // written back by today's code and read again: the same state
        SessionRecord again = Sessions.read(Sessions.write(session));
        assertEquals(state, again.state());
    }

    @Test
    void theStatesFormatVersionIsRead() {
        ConversationState state = Sessions.read(Document.parse(resourceUnchecked())).state();
        String json = StateFormat.write(state);
        assertTrue(json.startsWith("{\"v\":" + StateFormat.CURRENT + ","), json.substring(0, 20));

        String newer = json.replaceFirst("\"v\":1", "\"v\":2");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> StateFormat.read(newer));
        assertEquals("stored conversation state has format v2, newer than this program reads (v1): run the newer"
                + " version", e.getMessage());

        String unversioned = json.replaceFirst("\"v\":1,", "");
        assertEquals(state, StateFormat.read(unversioned));
        assertEquals(state, StateCodec.fromJson(json));
    }

    @Test
    void theBotsOldExpectationNameIsTheEnginesNothing() {
        assertEquals(Expect.NOTHING, Sessions.expect("NONE"));
        assertEquals(Expect.MULTIPLE, Sessions.expect("MULTIPLE"));
    }

    private static String resourceUnchecked() {
        try {
            return resource("/fixtures/session-before-issue17.json");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = StateFormatTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
