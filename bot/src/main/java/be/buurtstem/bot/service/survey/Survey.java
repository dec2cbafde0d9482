package be.buurtstem.bot.service.survey;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One version of one questionnaire, as the service sees it: the port between the channels and the survey engine.
 * Implementations are stateless and thread-safe; the conversation state is an opaque string the service stores.
 */
public interface Survey {
    String id();

    int version();

    List<String> languages();

    String defaultLanguage();

    /** The title in that language (falling back as the engine does). */
    String title(String language);

    Step start(String language, Map<String, String> segments, Instant now);

    Step reply(String state, ResidentInput input, Instant now);

    /** The language the conversation is in now. */
    String language(String state);

    /**
     * The language a resident means by a typed name at a language choice ("Français", "arabic", "2", "fr"), as the
     * questionnaire's own language picker understands it; empty when it names none of its languages.
     */
    default java.util.Optional<String> languageNamed(String typed) {
        return languages().stream().filter(l -> l.equalsIgnoreCase(typed == null ? "" : typed.strip())).findFirst();
    }

    /** Whether the conversation is paused (the resident typed stop): the next message resumes it. */
    default boolean paused(String state) {
        return false;
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
