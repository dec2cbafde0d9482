package be.buurtstem.engine;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ConversationState} as JSON and reads it back without loss. The mapping is written out by hand
 * (streaming; never data binding) so that the stored form is a documented, stable contract that does not change when
 * a record gains a method, and so that answer values keep their Java types (Long vs Double, lists, maps).
 * Field {@code "v"} is the format version of this JSON; {@link #fromJson} reads only its own version (a state
 * without it is the first format) and refuses any other, which must be migrated first.
 */
public final class StateCodec {
    private static final int FORMAT = 1;
    // A thread-local buffer pool: states are read and written on request threads, many times a second.
    private static final JsonMapper MAPPER = JsonMapper.builder(tools.jackson.core.json.JsonFactory.builder()
            .recyclerPool(tools.jackson.core.util.JsonRecyclerPools.threadLocalPool()).build()).build();

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

    /** An answer as JSON, the same form as inside the stored state (what {@code play} prints). */
    public static ObjectNode answer(Answer a) {
        java.io.StringWriter w = new java.io.StringWriter(256);
        try (JsonGenerator g = MAPPER.createGenerator(w)) {
            writeAnswer(g, a);
        }
        // One writer for both forms, so they cannot drift apart; this path is not hot (the command line only).
        return (ObjectNode) MAPPER.readTree(w.toString());
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
                case "v" -> {
                    // read, not skipped: a state of another format must be migrated first (the service's
                    // StateFormat does that), never half understood by this reader
                    int v = p.getIntValue();
                    if (v != FORMAT) {
                        throw new IllegalArgumentException("conversation state of format v" + v
                                + ": this reader knows v" + FORMAT + " (migrate it first)");
                    }
                }
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
}
