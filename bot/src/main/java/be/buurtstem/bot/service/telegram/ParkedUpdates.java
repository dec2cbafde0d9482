package be.buurtstem.bot.service.telegram;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What is kept of a parked update, and what is logged about a failure.
 * <p>
 * Every parked update loses the fields that name a person: {@link #PERSONAL_FIELDS} (names, usernames, phone numbers,
 * shared contacts, bios), at any depth. An update that could not be read also loses the resident's content: every
 * string (but a few technical ones, {@link #TECHNICAL_STRINGS}) and everything in {@link #CONTENT_FIELDS} (text,
 * caption, location...) is replaced by its JSON type (a string by its length), so the shape that broke reading is
 * still visible; numbers outside those fields (ids, dates) stay. Why the stricter rule there: its chat id
 * may be unreadable, so "delete my answers" could not find it, and the words are not needed to see a type error.
 * A readable update that failed in handling keeps its text: it belongs to a known resident (deleted with them) and
 * an operator may want to replay it.
 */
public final class ParkedUpdates {
    static final Set<String> PERSONAL_FIELDS = Set.of("first_name", "last_name", "username", "phone_number",
            "contact", "title", "bio", "vcard", "active_usernames", "business_intro", "business_location",
            "personal_chat", "birthdate");
    static final Set<String> CONTENT_FIELDS = Set.of("text", "caption", "location", "venue", "poll", "quote",
            "dice", "game", "story", "description", "explanation", "query", "invoice", "successful_payment",
            "shipping_address", "order_info", "web_app_data", "checklist");
    static final Set<String> TECHNICAL_STRINGS = Set.of("type", "language_code", "mime_type");
    /** A parked body larger than this is cut: it is a diagnosis aid, not an archive. */
    static final int MAX_PAYLOAD_CHARS = 16_384;

    private ParkedUpdates() {
    }

    /** Removes {@link #PERSONAL_FIELDS} everywhere in the tree (in place). */
    static void removePersonal(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(PERSONAL_FIELDS);
            for (Iterator<JsonNode> it = o.elements(); it.hasNext(); ) {
                removePersonal(it.next());
            }
        } else if (node != null && node.isArray()) {
            node.forEach(ParkedUpdates::removePersonal);
        }
    }

    /** The raw body of an unreadable update as it is parked: no personal fields, content reduced to its shape. */
    static String redact(JsonNode raw) {
        if (raw == null) {
            return "null";
        }
        JsonNode copy = raw.deepCopy();
        if (!copy.isContainerNode()) {
            copy = shape(copy);
        }
        removePersonal(copy);
        reduceContent(copy);
        String s = copy.toString();
        return s.length() <= MAX_PAYLOAD_CHARS ? s
                : JsonNodeFactory.instance.objectNode().put("truncated", true).put("chars", s.length())
                .put("head", s.substring(0, MAX_PAYLOAD_CHARS / 2)).toString();
    }

    private static void reduceContent(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            o.fields().forEachRemaining(fields::add);
            for (Map.Entry<String, JsonNode> f : fields) {
                if (CONTENT_FIELDS.contains(f.getKey())
                        || f.getValue().isTextual() && !TECHNICAL_STRINGS.contains(f.getKey())) {
                    o.set(f.getKey(), shape(f.getValue()));
                } else {
                    reduceContent(f.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            var array = (com.fasterxml.jackson.databind.node.ArrayNode) node;
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    array.set(i, shape(array.get(i)));
                } else {
                    reduceContent(array.get(i));
                }
            }
        }
    }

    /** The same structure with every scalar replaced by its type: {@code "string(12)"}, {@code "number"}... */
    private static JsonNode shape(JsonNode node) {
        if (node.isObject()) {
            ObjectNode out = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> out.set(f.getKey(), shape(f.getValue())));
            return out;
        }
        if (node.isArray()) {
            var out = JsonNodeFactory.instance.arrayNode();
            node.forEach(e -> out.add(shape(e)));
            return out;
        }
        String type = node.isTextual() ? "string(" + node.textValue().length() + ")"
                : node.isNumber() ? "number" : node.isBoolean() ? "boolean" : "null";
        return JsonNodeFactory.instance.textNode(type);
    }

    /** The chat an unreadable update seems to come from, when its id is readable; else null. */
    static String chatOf(JsonNode raw) {
        if (raw == null) {
            return null;
        }
        for (JsonNode id : List.of(raw.path("message").path("chat").path("id"),
                raw.path("callback_query").path("message").path("chat").path("id"),
                raw.path("callback_query").path("from").path("id"), raw.path("message").path("from").path("id"))) {
            if (id.isIntegralNumber() && id.canConvertToLong()) {
                return String.valueOf(id.longValue());
            }
        }
        return null;
    }

    /**
     * A failure for the log: the exception's class and the first frame of our own code, never its message (an
     * exception may quote what a resident wrote).
     */
    static String where(Throwable e) {
        if (e == null) {
            return "unknown";
        }
        StringBuilder sb = new StringBuilder(e.getClass().getName());
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().startsWith("be.buurtstem.")) {
                sb.append(" at ").append(frame.getClassName()).append('.').append(frame.getMethodName()).append(':')
                        .append(frame.getLineNumber());
                break;
            }
        }
        Throwable cause = e.getCause();
        if (cause != null && cause != e) {
            sb.append(" <- ").append(cause.getClass().getName());
        }
        return sb.toString();
    }
}
