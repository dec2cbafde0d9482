package be.buurtstem.bot.service.coding;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.StoredAnswer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Stored answers ({@link Answers}, {@code StoredAnswer}) as coding and the analysis module see them. The fields
 * themselves are known to {@code store/Answers} only.
 */
public final class AnswerDocs {
    public static final String FREE_TEXT = Answers.FREE_TEXT;

    private AnswerDocs() {
    }

    /** The segment values of the answer, plus its language, channel and question block. */
    public static Map<String, String> fields(StoredAnswer answer) {
        Map<String, String> out = new LinkedHashMap<>();
        answer.segments().forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        put(out, "language", answer.language());
        put(out, "channel", answer.channel());
        put(out, "block", answer.block());
        return out;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }

    /** The answer as the analysis module sees it (no themes: unlabelled). */
    public static Answer toAnswer(StoredAnswer answer) {
        String text = answer.text();
        return new Answer(answer.id(), text == null ? "" : text, answer.respondent(), answer.question(),
                answer.language(), null, Map.of(), answer.receivedAt(), Map.of(), false);
    }
}
