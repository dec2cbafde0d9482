package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.answers.Answer;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How coding reads and writes the answer documents of {@code answers}. Machine codes live on the answer:
 * {@code codes} (list of {@code {theme, confidence, coder, version}}: the themes the coder coded), {@code scores}
 * (confidence of every theme scored at least 0.01) and {@code coding} ({@code coder, version, model, at,
 * language, languageConfidence, languageMismatch}). An answer without {@code coding} has not been coded yet.
 * Analysts' decisions are never here: they are in {@code codings} ({@link DecisionStore}).
 */
public final class AnswerDocs {
    public static final String FREE_TEXT = "free_text";

    private AnswerDocs() {
    }

    public static boolean isCoded(Document answer) {
        return answer.get("coding") instanceof Document;
    }

    /** The themes the machine coded, strongest first. */
    public static List<String> machineThemes(Document answer) {
        List<String> out = new ArrayList<>();
        Object codes = answer.get("codes");
        if (codes instanceof List<?> list) {
            for (Object o : list) {
                if (o instanceof Document d && d.getString("theme") != null) {
                    out.add(d.getString("theme"));
                }
            }
        }
        return out;
    }

    /** The segment values of the answer, plus its language, channel and question block. */
    public static Map<String, String> fields(Document answer) {
        Map<String, String> out = new LinkedHashMap<>();
        Document segments = answer.get("segments", Document.class);
        if (segments != null) {
            segments.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, String.valueOf(v));
                }
            });
        }
        put(out, "language", answer.getString("language"));
        put(out, "channel", answer.getString("channel"));
        put(out, "block", answer.getString("block"));
        return out;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }

    public static Instant receivedAt(Document answer) {
        Date d = answer.getDate("receivedAt");
        return d == null ? null : d.toInstant();
    }

    /** The answer as the analysis module sees it (no themes: unlabelled). */
    public static Answer toAnswer(Document answer) {
        String text = answer.getString("text");
        return new Answer(answer.getString("_id"), text == null ? "" : text, answer.getString("respondent"),
                answer.getString("question"), answer.getString("language"), null, Map.of(), receivedAt(answer),
                Map.of(), false);
    }
}
