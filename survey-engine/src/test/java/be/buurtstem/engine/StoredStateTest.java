package be.buurtstem.engine;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A conversation state stored by the code of December 2026 ({@code states/buurtleven-format1.json}, {@code "v": 1},
 * paused in the second round of buurtleven's repeat group) is read by today's code, keeps every value with its Java
 * type, is written back byte for byte, and the conversation goes on. When the state's format changes, this file stays
 * as it is: the new code must still read it (through the service's {@code StateFormat} migrations).
 */
class StoredStateTest {

    private static final String STORED = Fixtures.read("/states/buurtleven-format1.json").strip();

    @Test
    void aStateWrittenByTodaysCodeIsReadWithEveryValueAndType() {
        ConversationState s = StateCodec.fromJson(STORED);
        assertEquals("buurtleven", s.questionnaireId());
        assertEquals(3, s.version());
        assertEquals(ConversationState.Status.ACTIVE, s.status());
        assertEquals("place_kind", s.node());
        assertEquals(2, s.round());
        assertEquals(ConversationState.Await.ANSWER, s.await());
        assertTrue(s.consented());
        assertEquals(Map.of("buurtkaart", 1), s.rounds());
        assertEquals(12L, s.latestAnswer("years_here").value());
        assertEquals("12", s.latestAnswer("years_here").text());
        assertEquals(List.of("damp", "noise"), s.latestAnswer("housing_issue").value());
        assertEquals(Map.of("lat", 50.8466, "lon", 4.3528), s.latestAnswer("unsafe_where").value());
        assertEquals(Map.of("file", "file-123", "caption", "de hoek"), s.answer("place_photo", 1).value());
        assertEquals("Station", s.answer("place_name", 2).value());
        assertEquals("age_band", s.latestAnswer("age_band").segment());
        assertEquals(java.time.Instant.parse("2026-11-24T10:03:16Z"), s.updatedAt());
        assertEquals(Fixtures.T0, s.startedAt());
    }

    @Test
    void itIsWrittenBackByteForByte() {
        assertEquals(STORED, StateCodec.toJson(StateCodec.fromJson(STORED)), "the stored form is a stable contract");
    }

    @Test
    void theConversationGoesOnFromIt() {
        Conversation conversation = new Conversation(Fixtures.buurtleven());
        Turn t = conversation.reply(StateCodec.fromJson(STORED), Input.choice("bad"), Fixtures.T0.plusSeconds(3600));
        assertTrue(t.events().stream().anyMatch(e -> e instanceof Event.AnswerRecorded a
                && a.answer().questionId().equals("place_kind") && a.answer().round() == 2
                && a.answer().value().equals("bad")), t.events().toString());
        assertEquals("place_why", t.state().node());
    }

    @Test
    void aStateOfAnotherFormatIsRefusedNotHalfRead() {
        String newer = STORED.replaceFirst("\\{\"v\":1,", "{\"v\":2,");
        assertTrue(newer.startsWith("{\"v\":2,"), newer.substring(0, 20));
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> StateCodec.fromJson(newer));
        assertTrue(e.getMessage().contains("format v2"), e.getMessage());
        // a state without "v" is the first format, as the codec always wrote it
        assertEquals("place_kind", StateCodec.fromJson(STORED.replaceFirst("\"v\":1,", "")).node());
    }
}
