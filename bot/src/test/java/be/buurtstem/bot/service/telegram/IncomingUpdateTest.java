package be.buurtstem.bot.service.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A webhook body read in one pass ({@link IncomingUpdate#read(byte[])}) means what the tree read always meant. */
class IncomingUpdateTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TEXT = """
            {"update_id": 4711, "message": {"message_id": 5, "date": 1700000000,
             "chat": {"id": 123, "type": "private", "first_name": "Resident"},
             "from": {"id": 123, "is_bot": false, "first_name": "Resident", "language_code": "nl"},
             "text": "Centrum", "some_future_field": {"x": 1}}}""";
    static final String PRESS = """
            {"update_id": 4712, "callback_query": {"id": "cq1", "chat_instance": "ci", "data": "o:yes",
             "from": {"id": 123, "is_bot": false, "first_name": "Resident"},
             "message": {"message_id": 6, "date": 1700000000, "chat": {"id": 123, "type": "private"}}}}""";

    static IncomingUpdate bytes(String body) throws IOException {
        return IncomingUpdate.read(body.getBytes(StandardCharsets.UTF_8));
    }

    static IncomingUpdate tree(String body) throws IOException {
        return IncomingUpdate.read(JSON.readTree(body));
    }

    @Test
    void aGoodUpdateReadInOnePassIsTheSameUpdateAsFromTheTree() throws IOException {
        for (String body : new String[] {TEXT, PRESS}) {
            IncomingUpdate one = bytes(body);
            IncomingUpdate two = tree(body);
            assertTrue(one.readable(), body);
            assertEquals(two.key(), one.key());
            assertEquals(two.updateId(), one.updateId());
            assertEquals(two.kind(), one.kind());
            assertEquals(two.update(), one.update()); // telegrambots' types have value equality
            assertEquals(UpdateProcessor.chatOf(two.update()), UpdateProcessor.chatOf(one.update()));
            assertNull(one.problem());
        }
        assertEquals("tg:4711", bytes(TEXT).key());
        assertEquals("message", bytes(TEXT).kind());
        assertEquals("callback_query", bytes(PRESS).kind());
        assertEquals("Centrum", bytes(TEXT).update().getMessage().getText());
    }

    @Test
    void aMalformedUpdateFallsBackToTheTreeAndIsReportedAsBefore() throws IOException {
        String wrongDate = TEXT.replace("\"date\": 1700000000", "\"date\": \"zonnebloem\"");
        String hugeFrom = TEXT.replace("\"id\": 123, \"is_bot\"", "\"id\": 1000000000000000000000000000000, \"is_bot\"");
        for (String body : new String[] {wrongDate, hugeFrom, "[1, 2]", "\"text\"", "null"}) {
            IncomingUpdate one = bytes(body);
            IncomingUpdate two = tree(body);
            assertFalse(one.readable(), body);
            assertEquals(two.problem(), one.problem(), body);
            assertEquals(two.key(), one.key(), body);
            assertEquals(two.raw(), one.raw(), "the tree is there to park it: " + body);
        }
        IncomingUpdate date = bytes(wrongDate);
        assertTrue(date.problem().endsWith(" at message.date"), date.problem());
        assertFalse(date.problem().contains("zonnebloem"), "never the value: " + date.problem());
        assertEquals("tg:4711", date.key());
        assertNotNull(date.raw());
    }

    @Test
    void anUpdateWithoutUpdateIdGetsTheDigestKeyOfTheTree() throws IOException {
        String noId = TEXT.replace("\"update_id\": 4711, ", "");
        IncomingUpdate one = bytes(noId);
        assertNull(one.updateId());
        assertTrue(one.key().startsWith("tg:h:"), one.key());
        assertEquals(tree(noId).key(), one.key());
        assertNotNull(one.raw());
    }

    @Test
    void aBodyThatIsNotJsonIsRefused() {
        assertThrows(IOException.class, () -> bytes("{\"update_id\": 1, \"message\": "));
        assertThrows(IOException.class, () -> bytes("update_id=1"));
    }

    @Test
    void anUpdateIdOfTheTreeIsReadOnlyWhenItIsAnInt() throws IOException {
        JsonNode ok = JSON.readTree("{\"update_id\": 7}");
        assertEquals(7, IncomingUpdate.updateIdOf(ok));
        assertNull(IncomingUpdate.updateIdOf(JSON.readTree("{\"update_id\": \"7\"}")));
        assertNull(IncomingUpdate.updateIdOf(JSON.readTree("{\"update_id\": 99999999999}")));
        assertNull(IncomingUpdate.updateIdOf(null));
    }
}
