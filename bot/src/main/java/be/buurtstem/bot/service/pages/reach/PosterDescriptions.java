package be.buurtstem.bot.service.pages.reach;

import be.buurtstem.bot.service.questionnaires.EngineSurvey;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.text.Renderer;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A questionnaire's own one-line {@code description:} in a language, rendered as the engine renders its texts. */
final class PosterDescriptions {
    private static final Map<String, Renderer> RENDERERS = new ConcurrentHashMap<>();

    private PosterDescriptions() {
    }

    /** The description in {@code language} (the engine's fallback when the file lacks it); empty when there is none. */
    static String of(Survey survey, String language) {
        if (!(survey instanceof EngineSurvey engine) || engine.questionnaire().description() == null) {
            return "";
        }
        Questionnaire q = engine.questionnaire();
        if (RENDERERS.size() > 200) {
            RENDERERS.clear(); // old versions are not kept forever
        }
        // by version and instance: hashing the record itself would walk every node of the questionnaire
        Renderer r = RENDERERS.computeIfAbsent(q.id() + ":" + q.version() + ":" + System.identityHashCode(q),
                k -> new Renderer(q));
        return r.render(q.description(), r.supportedLanguage(language), k -> null);
    }
}
