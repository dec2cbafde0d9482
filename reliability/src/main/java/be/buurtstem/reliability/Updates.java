package be.buurtstem.reliability;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Well-formed Telegram updates as Telegram sends them (a private chat; the resident's names are fake). */
final class Updates {
    private Updates() {
    }

    static String text(long updateId, long chat, String text) {
        ObjectNode u = FakeTelegram.JSON.createObjectNode().put("update_id", updateId);
        ObjectNode m = message(u.putObject("message"), chat, (int) (updateId % 1_000_000));
        m.put("text", text);
        return write(u);
    }

    static String callback(long updateId, long chat, String data, String shownText) {
        ObjectNode u = FakeTelegram.JSON.createObjectNode().put("update_id", updateId);
        ObjectNode q = u.putObject("callback_query");
        q.put("id", "cq" + updateId);
        user(q.putObject("from"), chat);
        q.put("chat_instance", "ci" + chat);
        q.put("data", data);
        ObjectNode m = message(q.putObject("message"), chat, 1);
        m.remove("from");
        m.put("text", shownText);
        return write(u);
    }

    static ObjectNode message(ObjectNode m, long chat, int messageId) {
        m.put("message_id", messageId);
        m.put("date", 1_700_000_000);
        m.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Resident")
                .put("username", "resident" + chat);
        user(m.putObject("from"), chat);
        return m;
    }

    static void user(ObjectNode from, long chat) {
        from.put("id", chat).put("is_bot", false).put("first_name", "Resident").put("username", "resident" + chat)
                .put("language_code", "en");
    }

    static String write(ObjectNode o) {
        try {
            return FakeTelegram.JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
