package be.buurtstem.load;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;

/** Well-formed Telegram updates as Telegram sends them (a private chat; the resident's names are fake). */
final class Updates {
    private Updates() {
    }

    static String text(long updateId, long chat, String language, String text) {
        ObjectNode u = FakeTelegram.JSON.createObjectNode().put("update_id", updateId);
        ObjectNode m = message(u.putObject("message"), chat, language, (int) (updateId % 1_000_000_000));
        m.put("text", text);
        return write(u);
    }

    static String callback(long updateId, long chat, String language, String data) {
        ObjectNode u = FakeTelegram.JSON.createObjectNode().put("update_id", updateId);
        ObjectNode q = u.putObject("callback_query");
        q.put("id", "cq" + updateId);
        user(q.putObject("from"), chat, language);
        q.put("chat_instance", "ci" + chat);
        q.put("data", data);
        ObjectNode m = message(q.putObject("message"), chat, language, 1);
        m.remove("from");
        m.put("text", "…");
        return write(u);
    }

    private static ObjectNode message(ObjectNode m, long chat, String language, int messageId) {
        m.put("message_id", messageId);
        m.put("date", 1_700_000_000);
        m.putObject("chat").put("id", chat).put("type", "private").put("first_name", "Resident");
        user(m.putObject("from"), chat, language);
        return m;
    }

    private static void user(ObjectNode from, long chat, String language) {
        from.put("id", chat).put("is_bot", false).put("first_name", "Resident").put("language_code", language);
    }

    private static String write(ObjectNode o) {
        try {
            return FakeTelegram.JSON.writeValueAsString(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
