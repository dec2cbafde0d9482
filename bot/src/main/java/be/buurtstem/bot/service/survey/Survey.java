package be.buurtstem.bot.service.survey;

import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.Input;
import be.buurtstem.engine.RespondentContext;
import be.buurtstem.engine.Turn;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of one questionnaire as the catalog serves it. The conversation itself speaks the engine's own types
 * ({@link Input} in, {@link Turn} out, the {@link ConversationState} the service stores): nothing is translated on
 * the way, so the channel name, every expectation kind and every event reach the service as the engine made them.
 * Implementations are stateless and thread-safe.
 */
public interface Survey {
    String id();

    int version();

    List<String> languages();

    String defaultLanguage();

    /** The title in that language (falling back as the engine does). */
    String title(String language);

    /** The first turn; {@code context} carries the real channel name and the start link's values. */
    Turn start(String language, RespondentContext context, Instant now);

    Turn reply(ConversationState state, Input input, Instant now);

    /**
     * The language a resident means by a typed name at a language choice ("Français", "arabic", "2", "fr"), as the
     * questionnaire's own language picker understands it; empty when it names none of its languages.
     */
    default Optional<String> languageNamed(String typed) {
        return languages().stream().filter(l -> l.equalsIgnoreCase(typed == null ? "" : typed.strip())).findFirst();
    }

    /** A question as the resident reads it ("Hoe oud bent u?"), for "my data"; null when unknown. */
    default String questionLabel(String questionId, String language) {
        return null;
    }

    /** A stored answer as the resident saw it (the option's label, not its id), for "my data"; null when unknown. */
    default String answerLabel(String questionId, Object value, String text, String language) {
        return null;
    }

    /** Whether free-text answers to this question are coded into themes (the file's {@code coded}; default yes). */
    default boolean coded(String questionId) {
        return true;
    }

    /** Question ids whose answers are segment values (the file's {@code segments}). */
    default List<String> segmentQuestions() {
        return List.of();
    }

    /** Saturation thresholds of this questionnaire (the file's {@code saturation:} block, key → number). */
    default Map<String, Double> saturationSettings() {
        return Map.of();
    }
}
