package be.buurtstem.bot.service.buurtkaart;

import be.buurtstem.bot.service.questionnaires.EngineSurvey;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.engine.LoadResult;
import be.buurtstem.engine.QuestionnaireLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bundled {@code buurtkaart} questionnaire, read from the jar: the command line's legend comes from its labels
 * when no service (and so no catalog) is running.
 */
public final class BundledBuurtkaart {
    public static final String ID = "buurtkaart";
    private static final String RESOURCE = "/be/buurtstem/content/questionnaires/buurtkaart.yaml";

    private BundledBuurtkaart() {
    }

    public static Survey survey() {
        try (InputStream in = BundledBuurtkaart.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the bundled buurtkaart questionnaire is missing from the jar");
            }
            LoadResult r = QuestionnaireLoader.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8),
                    "buurtkaart.yaml");
            if (r.questionnaire() == null) {
                throw new IllegalStateException("the bundled buurtkaart questionnaire does not load: " + r.problems());
            }
            return new EngineSurvey(r.questionnaire());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
