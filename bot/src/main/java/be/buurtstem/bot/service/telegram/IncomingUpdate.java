package be.buurtstem.bot.service.telegram;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.telegram.telegrambots.meta.api.objects.Update;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One update of a getUpdates batch or one webhook body, read on its own from the raw JSON, so that one update Telegram
 * (or another client) shapes differently never stops the others. {@code update} is null when it could not be read;
 * {@code problem} then says where, without any value (exception class and field path only: Jackson's messages quote
 * the offending value, which may be a resident's words).
 *
 * @param key      the idempotency key: {@code tg:<update_id>}, or {@code tg:h:<digest of the raw update>} when the
 *                 update has no readable update_id, so that two such updates never share a key (and the same one sent
 *                 twice does)
 * @param updateId the update_id when it is a readable int, else null (such an update cannot move the offset)
 * @param kind     which kind of update it is (message, callback_query, ...), for logs; "other" when unknown
 * @param raw      the update as a JSON tree; null when it was read in one pass from a webhook body ({@link #read(byte[])}):
 *                 the tree is only needed for an update that cannot be read (to park it), and then it is there
 */
public record IncomingUpdate(String key, Integer updateId, String kind, Update update, JsonNode raw,
                             String problem) {
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final List<String> KINDS = List.of("message", "edited_message", "callback_query", "channel_post",
            "edited_channel_post", "inline_query", "chosen_inline_result", "shipping_query", "pre_checkout_query",
            "poll", "poll_answer", "my_chat_member", "chat_member", "chat_join_request", "message_reaction",
            "business_message");
    /** Reused: a reader bound to the type skips the mapper's per-call type lookup. */
    private static final ObjectReader UPDATE = JSON.readerFor(Update.class);
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_]{1,64}");

    public boolean readable() {
        return update != null;
    }

    /**
     * Reads a webhook body straight into the Telegram {@link Update}: one Jackson pass instead of a tree first and the
     * update from the tree. Only when that fails (or the update has no readable update_id, whose key is a digest of
     * the tree) is the body read as a tree and handled by {@link #read(JsonNode)}, so a malformed update is reported
     * and parked exactly as before.
     *
     * @throws java.io.IOException when the body is not JSON at all (the webhook answers 400)
     */
    public static IncomingUpdate read(byte[] body) throws java.io.IOException {
        try {
            Update update = UPDATE.readValue(body);
            if (update != null && update.getUpdateId() != null) {
                return new IncomingUpdate("tg:" + update.getUpdateId(), update.getUpdateId(), kindOf(update), update,
                        null, null);
            }
        } catch (Exception | StackOverflowError e) {
            // not an update we can read in one pass: the tree says why (or that it is not JSON)
        }
        return read(JSON.readTree(body));
    }

    /** Reads one element of the {@code result} array (or a webhook body); never throws. */
    public static IncomingUpdate read(JsonNode raw) {
        Integer updateId = updateIdOf(raw);
        String key = updateId != null ? "tg:" + updateId : "tg:h:" + digest(raw);
        String kind = kindOf(raw);
        if (raw == null || !raw.isObject()) {
            return new IncomingUpdate(key, updateId, kind, null, raw, "not a JSON object");
        }
        try {
            Update update = JSON.treeToValue(raw, Update.class);
            if (update == null) {
                return new IncomingUpdate(key, updateId, kind, null, raw, "empty");
            }
            return new IncomingUpdate(key, updateId, kind, update, raw, null);
        } catch (Exception | StackOverflowError e) {
            return new IncomingUpdate(key, updateId, kind, null, raw, problemOf(e));
        }
    }

    /** The update_id when it is a readable int, else null. */
    static Integer updateIdOf(JsonNode raw) {
        JsonNode id = raw == null ? null : raw.get("update_id");
        return id != null && id.isIntegralNumber() && id.canConvertToInt() ? id.intValue() : null;
    }

    /** {@code ExceptionClass at message.from.id}: where reading failed, never the value found there. */
    static String problemOf(Throwable e) {
        StringBuilder path = new StringBuilder();
        if (e instanceof JsonMappingException d) {
            for (var ref : d.getPath()) {
                String name = ref.getFieldName();
                if (name != null) {
                    path.append(path.isEmpty() ? "" : ".").append(NAME.matcher(name).matches() ? name : "?");
                } else if (ref.getIndex() >= 0) {
                    path.append('[').append(ref.getIndex()).append(']');
                }
            }
        }
        return e.getClass().getSimpleName() + (path.isEmpty() ? "" : " at " + path);
    }

    /** Like {@link #kindOf(JsonNode)}, in the same order, for an update read in one pass. */
    static String kindOf(Update u) {
        Object[] parts = {u.getMessage(), u.getEditedMessage(), u.getCallbackQuery(), u.getChannelPost(),
                u.getEditedChannelPost(), u.getInlineQuery(), u.getChosenInlineQuery(), u.getShippingQuery(),
                u.getPreCheckoutQuery(), u.getPoll(), u.getPollAnswer(), u.getMyChatMember(), u.getChatMember(),
                u.getChatJoinRequest(), u.getMessageReaction(), u.getBusinessMessage()};
        for (int i = 0; i < parts.length; i++) {
            if (parts[i] != null) {
                return KINDS.get(i);
            }
        }
        return "other";
    }

    private static String kindOf(JsonNode raw) {
        if (raw != null && raw.isObject()) {
            for (String k : KINDS) {
                if (raw.has(k)) {
                    return k;
                }
            }
        }
        return "other";
    }

    private static String digest(JsonNode raw) {
        try {
            byte[] bytes = (raw == null ? "null" : raw.toString()).getBytes(StandardCharsets.UTF_8);
            byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(d, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
