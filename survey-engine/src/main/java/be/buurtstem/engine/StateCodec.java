package be.buurtstem.engine;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ConversationState} as JSON and reads it back without loss. The mapping is written out by hand
 * (a tree, not data binding) so that the stored form is a documented, stable contract that does not change when
 * a record gains a method, and so that answer values keep their Java types (Long vs Double, lists, maps).
 * Field {@code "v"} is the format version of this JSON, for future migrations.
 */
public final class StateCodec {
    private static final int FORMAT = 1;
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StateCodec() {
    }

    public static String toJson(ConversationState s) {
        return MAPPER.writeValueAsString(toTree(s));
    }

    public static ObjectNode toTree(ConversationState s) {
        ObjectNode o = F.objectNode();
        o.put("v", FORMAT);
        o.put("questionnaire", s.questionnaireId());
        o.put("version", s.version());
        o.put("language", s.language());
        o.put("status", s.status().name());
        if (s.node() != null) {
            o.put("node", s.node());
        }
        o.put("round", s.round());
        o.put("await", s.await().name());
        o.put("misses", s.misses());
        o.put("consented", s.consented());
        ArrayNode sel = o.putArray("selection");
        s.selection().forEach(sel::add);
        ArrayNode hist = o.putArray("history");
        for (Position p : s.history()) {
            hist.addObject().put("node", p.node()).put("round", p.round());
        }
        ArrayNode answers = o.putArray("answers");
        for (Answer a : s.answers()) {
            answers.add(answer(a));
        }
        ObjectNode rounds = o.putObject("rounds");
        s.rounds().forEach(rounds::put);
        ObjectNode ctx = o.putObject("context");
        s.context().forEach(ctx::put);
        o.put("started_at", s.startedAt().toString());
        o.put("updated_at", s.updatedAt().toString());
        return o;
    }

    /** An answer as JSON, the same form the service may store. */
    public static ObjectNode answer(Answer a) {
        ObjectNode x = F.objectNode();
        x.put("questionnaire", a.questionnaireId());
        x.put("version", a.version());
        x.put("question", a.questionId());
        x.put("round", a.round());
        x.put("kind", a.kind());
        x.set("value", value(a.value()));
        x.put("text", a.text());
        x.put("language", a.language());
        if (a.segment() != null) {
            x.put("segment", a.segment());
        }
        if (a.block() != null) {
            x.put("block", a.block());
        }
        x.put("at", a.at().toString());
        return x;
    }

    private static JsonNode value(Object v) {
        return switch (v) {
            case null -> F.nullNode();
            case String s -> F.textNode(s);
            case Long l -> F.numberNode(l);
            case Integer i -> F.numberNode((long) i);
            case Double d -> F.numberNode(d);
            case Number n -> F.numberNode(n.doubleValue());
            case Boolean b -> F.booleanNode(b);
            case List<?> list -> {
                ArrayNode arr = F.arrayNode();
                list.forEach(item -> arr.add(value(item)));
                yield arr;
            }
            case Map<?, ?> map -> {
                ObjectNode obj = F.objectNode();
                map.forEach((k, item) -> obj.set(String.valueOf(k), value(item)));
                yield obj;
            }
            default -> F.textNode(v.toString());
        };
    }

    /**
     * Reads a state written by {@link #toJson}.
     *
     * @throws IllegalArgumentException when the text is not a state (a storage problem, not a resident's)
     */
    public static ConversationState fromJson(String json) {
        try {
            return fromTree(MAPPER.readTree(json));
        } catch (JacksonException | NullPointerException | IllegalStateException | java.time.DateTimeException e) {
            throw new IllegalArgumentException("not a conversation state: " + e.getMessage(), e);
        }
    }

    public static ConversationState fromTree(JsonNode o) {
        if (!o.isObject()) {
            throw new IllegalArgumentException("not a conversation state: expected a JSON object");
        }
        List<String> selection = new ArrayList<>();
        o.path("selection").forEach(n -> selection.add(n.asString()));
        List<Position> history = new ArrayList<>();
        o.path("history").forEach(n -> history.add(new Position(n.path("node").asString(), n.path("round").asInt())));
        List<Answer> answers = new ArrayList<>();
        o.path("answers").forEach(n -> answers.add(answer(n)));
        Map<String, Integer> rounds = new LinkedHashMap<>();
        o.path("rounds").properties().forEach(e -> rounds.put(e.getKey(), e.getValue().asInt()));
        Map<String, String> ctx = new LinkedHashMap<>();
        o.path("context").properties().forEach(e -> ctx.put(e.getKey(), e.getValue().asString()));
        try {
            return new ConversationState(o.path("questionnaire").asString(), o.path("version").asInt(),
                    o.path("language").asString(), ConversationState.Status.valueOf(o.path("status").asString()),
                    o.hasNonNull("node") ? o.get("node").asString() : null, o.path("round").asInt(),
                    ConversationState.Await.valueOf(o.path("await").asString()), o.path("misses").asInt(),
                    o.path("consented").asBoolean(), selection, history, answers, rounds, ctx,
                    Instant.parse(o.path("started_at").asString()), Instant.parse(o.path("updated_at").asString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a conversation state: " + e.getMessage(), e);
        }
    }

    /** Reads an answer written by {@link #answer(Answer)}. */
    public static Answer answer(JsonNode n) {
        return new Answer(n.path("questionnaire").asString(), n.path("version").asInt(), n.path("question").asString(),
                n.path("round").asInt(), n.path("kind").asString(), readValue(n.get("value")), n.path("text").asString(),
                n.path("language").asString(), n.hasNonNull("segment") ? n.get("segment").asString() : null,
                n.hasNonNull("block") ? n.get("block").asString() : null, Instant.parse(n.path("at").asString()));
    }

    private static Object readValue(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isString()) {
            return n.asString();
        }
        if (n.isIntegralNumber()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.doubleValue();
        }
        if (n.isBoolean()) {
            return n.asBoolean();
        }
        if (n.isArray()) {
            List<Object> list = new ArrayList<>();
            n.forEach(x -> list.add(readValue(x)));
            return Collections.unmodifiableList(list);
        }
        Map<String, Object> map = new LinkedHashMap<>();
        n.properties().forEach(e -> map.put(e.getKey(), readValue(e.getValue())));
        return Collections.unmodifiableMap(map);
    }
}
