package be.buurtstem.engine;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
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
 * (streaming for the state, a tree for single answers; never data binding) so that the stored form is a documented, stable contract that does not change when
 * a record gains a method, and so that answer values keep their Java types (Long vs Double, lists, maps).
 * Field {@code "v"} is the format version of this JSON, for future migrations.
 */
public final class StateCodec {
    private static final int FORMAT = 1;
    // A thread-local buffer pool: states are read and written on request threads, many times a second.
    private static final JsonMapper MAPPER = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
            .recyclerPool(tools.jackson.core.util.JsonRecyclerPools.threadLocalPool()).build()).build();
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private StateCodec() {
    }

    public static String toJson(ConversationState s) {
        // Streaming, not the tree: a service writes the state on every message, so this path is kept lean.
        java.io.StringWriter w = new java.io.StringWriter(512 + 256 * s.answers().size());
        try (JsonGenerator g = MAPPER.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberProperty("v", FORMAT);
            g.writeStringProperty("questionnaire", s.questionnaireId());
            g.writeNumberProperty("version", s.version());
            g.writeStringProperty("language", s.language());
            g.writeStringProperty("status", s.status().name());
            if (s.node() != null) {
                g.writeStringProperty("node", s.node());
            }
            g.writeNumberProperty("round", s.round());
            g.writeStringProperty("await", s.await().name());
            g.writeNumberProperty("misses", s.misses());
            g.writeBooleanProperty("consented", s.consented());
            g.writeName("selection");
            g.writeStartArray();
            for (String id : s.selection()) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeName("history");
            g.writeStartArray();
            for (Position p : s.history()) {
                g.writeStartObject();
                g.writeStringProperty("node", p.node());
                g.writeNumberProperty("round", p.round());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeName("answers");
            g.writeStartArray();
            for (Answer a : s.answers()) {
                writeAnswer(g, a);
            }
            g.writeEndArray();
            g.writeName("rounds");
            g.writeStartObject();
            for (Map.Entry<String, Integer> e : s.rounds().entrySet()) {
                g.writeNumberProperty(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeName("context");
            g.writeStartObject();
            for (Map.Entry<String, String> e : s.context().entrySet()) {
                g.writeStringProperty(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeStringProperty("started_at", Instants.format(s.startedAt()));
            g.writeStringProperty("updated_at", Instants.format(s.updatedAt()));
            g.writeEndObject();
        }
        return w.toString();
    }

    private static void writeAnswer(JsonGenerator g, Answer a) {
        g.writeStartObject();
        g.writeStringProperty("questionnaire", a.questionnaireId());
        g.writeNumberProperty("version", a.version());
        g.writeStringProperty("question", a.questionId());
        g.writeNumberProperty("round", a.round());
        g.writeStringProperty("kind", a.kind());
        g.writeName("value");
        writeValue(g, a.value());
        g.writeStringProperty("text", a.text());
        g.writeStringProperty("language", a.language());
        if (a.segment() != null) {
            g.writeStringProperty("segment", a.segment());
        }
        if (a.block() != null) {
            g.writeStringProperty("block", a.block());
        }
        g.writeStringProperty("at", Instants.format(a.at()));
        g.writeEndObject();
    }

    private static void writeValue(JsonGenerator g, Object v) {
        switch (v) {
            case null -> g.writeNull();
            case String s -> g.writeString(s);
            case Long l -> g.writeNumber(l);
            case Integer i -> g.writeNumber((long) i);
            case Double d -> g.writeNumber(d);
            case Number n -> g.writeNumber(n.doubleValue());
            case Boolean b -> g.writeBoolean(b);
            case List<?> list -> {
                g.writeStartArray();
                for (Object item : list) {
                    writeValue(g, item);
                }
                g.writeEndArray();
            }
            case Map<?, ?> map -> {
                g.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    g.writeName(String.valueOf(e.getKey()));
                    writeValue(g, e.getValue());
                }
                g.writeEndObject();
            }
            default -> g.writeString(v.toString());
        }
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
        o.put("started_at", Instants.format(s.startedAt()));
        o.put("updated_at", Instants.format(s.updatedAt()));
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
        x.put("at", Instants.format(a.at()));
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
        if (json == null) {
            throw new IllegalArgumentException("not a conversation state: null");
        }
        try (JsonParser p = MAPPER.createParser(json)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a conversation state: expected a JSON object");
            }
            return readState(p);
        } catch (JacksonException | java.time.DateTimeException | NullPointerException e) {
            throw new IllegalArgumentException("not a conversation state: " + e.getMessage(), e);
        }
    }

    private static ConversationState readState(JsonParser p) {
        String questionnaire = null;
        int version = 0;
        String language = null;
        String status = null;
        String node = null;
        int round = 0;
        String await = null;
        int misses = 0;
        boolean consented = false;
        List<String> selection = new ArrayList<>();
        List<Position> history = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        Map<String, Integer> rounds = new LinkedHashMap<>();
        Map<String, String> ctx = new LinkedHashMap<>();
        String started = null;
        String updated = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "questionnaire" -> questionnaire = p.getString();
                case "version" -> version = p.getIntValue();
                case "language" -> language = p.getString();
                case "status" -> status = p.getString();
                case "node" -> node = t == JsonToken.VALUE_NULL ? null : p.getString();
                case "round" -> round = p.getIntValue();
                case "await" -> await = p.getString();
                case "misses" -> misses = p.getIntValue();
                case "consented" -> consented = p.getBooleanValue();
                case "selection" -> {
                    expect(t, JsonToken.START_ARRAY);
                    while (p.nextToken() != JsonToken.END_ARRAY) {
                        selection.add(p.getString());
                    }
                }
                case "history" -> {
                    expect(t, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        String hn = null;
                        int hr = 0;
                        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                            String k = p.currentName();
                            p.nextToken();
                            if (k.equals("node")) {
                                hn = p.getString();
                            } else if (k.equals("round")) {
                                hr = p.getIntValue();
                            } else {
                                p.skipChildren();
                            }
                        }
                        history.add(new Position(hn, hr));
                    }
                }
                case "answers" -> {
                    expect(t, JsonToken.START_ARRAY);
                    while (p.nextToken() == JsonToken.START_OBJECT) {
                        answers.add(readAnswer(p));
                    }
                }
                case "rounds" -> {
                    expect(t, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String k = p.currentName();
                        p.nextToken();
                        rounds.put(k, p.getIntValue());
                    }
                }
                case "context" -> {
                    expect(t, JsonToken.START_OBJECT);
                    while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                        String k = p.currentName();
                        p.nextToken();
                        ctx.put(k, p.getString());
                    }
                }
                case "started_at" -> started = p.getString();
                case "updated_at" -> updated = p.getString();
                default -> p.skipChildren();
            }
        }
        if (questionnaire == null || language == null || status == null || await == null || started == null || updated == null) {
            throw new IllegalArgumentException("not a conversation state: a required field is missing");
        }
        try {
            return new ConversationState(questionnaire, version, language, ConversationState.Status.valueOf(status), node,
                    round, ConversationState.Await.valueOf(await), misses, consented, selection, history, answers, rounds,
                    ctx, Instants.parse(started), Instants.parse(updated));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a conversation state: " + e.getMessage(), e);
        }
    }

    private static void expect(JsonToken actual, JsonToken expected) {
        if (actual != expected) {
            throw new IllegalArgumentException("not a conversation state: expected " + expected + ", found " + actual);
        }
    }

    private static Answer readAnswer(JsonParser p) {
        String questionnaire = null;
        int version = 0;
        String question = null;
        int round = 0;
        String kind = null;
        Object value = null;
        String text = "";
        String language = null;
        String segment = null;
        String block = null;
        String at = null;
        while (p.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "questionnaire" -> questionnaire = p.getString();
                case "version" -> version = p.getIntValue();
                case "question" -> question = p.getString();
                case "round" -> round = p.getIntValue();
                case "kind" -> kind = p.getString();
                case "value" -> value = readValue(p, t);
                case "text" -> text = p.getString();
                case "language" -> language = p.getString();
                case "segment" -> segment = t == JsonToken.VALUE_NULL ? null : p.getString();
                case "block" -> block = t == JsonToken.VALUE_NULL ? null : p.getString();
                case "at" -> at = p.getString();
                default -> p.skipChildren();
            }
        }
        if (question == null || at == null) {
            throw new IllegalArgumentException("not a conversation state: an answer lacks question or time");
        }
        return new Answer(questionnaire, version, question, round, kind, value, text, language, segment, block, Instants.parse(at));
    }

    private static Object readValue(JsonParser p, JsonToken t) {
        return switch (t) {
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT -> p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                JsonToken next;
                while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
                    list.add(readValue(p, next));
                }
                yield Collections.unmodifiableList(list);
            }
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.PROPERTY_NAME) {
                    String k = p.currentName();
                    map.put(k, readValue(p, p.nextToken()));
                }
                yield Collections.unmodifiableMap(map);
            }
            default -> null;
        };
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
                    Instants.parse(o.path("started_at").asString()), Instants.parse(o.path("updated_at").asString()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a conversation state: " + e.getMessage(), e);
        }
    }

    /** Reads an answer written by {@link #answer(Answer)}. */
    public static Answer answer(JsonNode n) {
        return new Answer(n.path("questionnaire").asString(), n.path("version").asInt(), n.path("question").asString(),
                n.path("round").asInt(), n.path("kind").asString(), readValue(n.get("value")), n.path("text").asString(),
                n.path("language").asString(), n.hasNonNull("segment") ? n.get("segment").asString() : null,
                n.hasNonNull("block") ? n.get("block").asString() : null, Instants.parse(n.path("at").asString()));
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
