package be.buurtstem.bot.files;

import be.buurtstem.analysis.answers.Answer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** JSON Lines: one JSON object per line. */
final class JsonLinesAnswerReader extends AnswerReader {
    static final ObjectMapper MAPPER = JsonMapper.builder().build();

    JsonLinesAnswerReader(Path file, InputStream in, Consumer<MalformedRecord> onSkipped) {
        super(file, in, onSkipped);
    }

    @Override
    public List<String> extraColumns() {
        return List.of();
    }

    @Override
    protected Answer readRecord() throws IOException {
        String line;
        while ((line = lines.next()) != null) {
            long n = lines.lineNumber();
            if (line.isBlank()) {
                continue;
            }
            startRecord(n);
            if (line == LineSource.INVALID_UTF8) {
                malformed(n, "not valid UTF-8");
                continue;
            }
            if (line == LineSource.TOO_LONG) {
                malformed(n, LineSource.TOO_LONG_MESSAGE);
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (JacksonException e) {
                malformed(n, "invalid JSON: " + e.getOriginalMessage());
                continue;
            }
            try {
                return toAnswer(node);
            } catch (Fields.BadValue e) {
                malformed(n, e.getMessage());
            }
        }
        return null;
    }

    private static Answer toAnswer(JsonNode node) throws Fields.BadValue {
        if (node == null || !node.isObject()) {
            throw new Fields.BadValue("a record must be a JSON object");
        }
        String id = null;
        String text = null;
        String respondent = null;
        String question = null;
        String language = null;
        List<String> themes = null;
        Instant receivedAt = null;
        Map<String, Double> scores = null;
        boolean synthetic = false;
        Map<String, String> segments = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            JsonNode v = e.getValue();
            switch (name) {
                case Fields.ID -> id = idValue(v);
                case Fields.TEXT -> {
                    if (!v.isString()) {
                        throw new Fields.BadValue("text must be a string");
                    }
                    text = v.stringValue();
                }
                case Fields.RESPONDENT -> respondent = scalar(name, v);
                case Fields.QUESTION -> question = scalar(name, v);
                case Fields.LANGUAGE -> language = Fields.language(stringOrNull(name, v));
                case Fields.THEMES -> themes = themes(v);
                case Fields.RECEIVED_AT -> receivedAt = Fields.receivedAt(stringOrNull(name, v));
                case Fields.SCORES -> scores = scores(v);
                case Fields.SYNTHETIC -> {
                    if (!v.isBoolean() && !v.isNull()) {
                        throw new Fields.BadValue("synthetic must be true or false");
                    }
                    synthetic = v.isBoolean() && v.booleanValue();
                }
                default -> {
                    if (v.isArray()) {
                        segments.put(name, list(name, v)); // e.g. an export's chosen options: as CSV writes them
                    } else if (!v.isNull()) {
                        segments.put(name, scalar(name, v));
                    }
                }
            }
        }
        if (id == null) {
            throw new Fields.BadValue("missing id");
        }
        if (text == null) {
            throw new Fields.BadValue("missing text");
        }
        return new Answer(id, text, respondent, question, language, themes, segments, receivedAt, scores, synthetic);
    }

    private static String idValue(JsonNode v) throws Fields.BadValue {
        String id = v.isString() ? v.stringValue() : v.isIntegralNumber() ? v.asString() : null;
        if (id == null || id.isBlank()) {
            throw new Fields.BadValue("id must be a non-empty string");
        }
        return id;
    }

    private static String stringOrNull(String name, JsonNode v) throws Fields.BadValue {
        if (v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            throw new Fields.BadValue(name + " must be a string");
        }
        return v.stringValue();
    }

    /** Segment and id-like fields: strings, numbers and booleans are kept as their text. */
    private static String scalar(String name, JsonNode v) throws Fields.BadValue {
        if (v.isNull()) {
            return null;
        }
        if (v.isString()) {
            return v.stringValue();
        }
        if (v.isNumber() || v.isBoolean()) {
            return v.asString();
        }
        throw new Fields.BadValue(name + " must be a string, number or boolean, not " + (v.isArray() ? "an array" : "an object"));
    }

    /** A list of scalars in another field, kept as its items joined by {@code ;} (the CSV form of a list). */
    private static String list(String name, JsonNode v) throws Fields.BadValue {
        List<String> items = new ArrayList<>(v.size());
        for (JsonNode item : v.values()) {
            if (item.isArray() || item.isObject()) {
                throw new Fields.BadValue(name + " must be a string, number, boolean or a list of them");
            }
            items.add(scalar(name, item));
        }
        return String.join(";", items);
    }

    private static List<String> themes(JsonNode v) throws Fields.BadValue {
        if (v.isNull()) {
            return null;
        }
        if (!v.isArray()) {
            throw new Fields.BadValue("themes must be a JSON array of strings");
        }
        List<String> out = new ArrayList<>(v.size());
        for (JsonNode t : v.values()) {
            if (!t.isString()) {
                throw new Fields.BadValue("themes must be a JSON array of strings");
            }
            String theme = Fields.theme(t.stringValue());
            if (!out.contains(theme)) {
                out.add(theme);
            }
        }
        return out;
    }

    private static Map<String, Double> scores(JsonNode v) throws Fields.BadValue {
        if (v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            throw new Fields.BadValue("scores must be an object of theme: number");
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (!e.getValue().isNumber()) {
                throw new Fields.BadValue("score of \"" + e.getKey() + "\" must be a number");
            }
            out.put(e.getKey(), Fields.score(e.getKey(), e.getValue().doubleValue()));
        }
        return out;
    }
}
