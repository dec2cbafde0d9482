package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.answers.Answer;
import be.buurtstem.analysis.text.AnalyzedText;
import be.buurtstem.analysis.text.LanguageGuess;
import be.buurtstem.analysis.text.TextPipeline;

import java.util.List;
import java.util.Map;

/**
 * Codes answers: the text pipeline and a theme coder together. Immutable and thread-safe: a service keeps one in an
 * {@code AtomicReference} and swaps in a new one when a model version is trained; many threads may code at once.
 */
public final class AnswerCoder {
    private final TextPipeline pipeline;
    private final ThemeCoder coder;

    public AnswerCoder(TextPipeline pipeline, ThemeCoder coder) {
        this.pipeline = pipeline;
        this.coder = coder;
    }

    /** The result of coding one answer. */
    public record Coded(String answerId, LanguageGuess language, Coding coding) {
    }

    public ThemeCoder coder() {
        return coder;
    }

    public Coded code(Answer answer) {
        AnalyzedText t = pipeline.analyze(answer.text(), answer.language());
        return new Coded(answer.id(), t.language(), coder.code(t));
    }

    /** The answer with {@code themes} and {@code scores} filled by the coder (scores of the coded themes and of near misses). */
    public Answer apply(Answer answer) {
        Coding c = code(answer).coding();
        return answer.withCoding(List.copyOf(c.themes()), reportedScores(c));
    }

    /** The scores worth writing on an answer: those of at least 0.01 (a coder scores every theme it knows). */
    public static Map<String, Double> reportedScores(Coding c) {
        Map<String, Double> scores = new java.util.LinkedHashMap<>();
        c.scores().forEach((theme, s) -> {
            if (s >= 0.01) {
                scores.put(theme, s);
            }
        });
        return scores;
    }
}
