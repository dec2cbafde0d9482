package be.buurtstem.bot.service.survey;

import java.util.List;
import java.util.Optional;

/** The questionnaires being served: the newest valid version of each, and older versions residents started. */
public interface SurveyCatalog {
    /** The newest version of every questionnaire, sorted by id. */
    List<Survey> current();

    Optional<Survey> current(String id);

    /** That exact version, if it was ever served since start (a resident keeps the version they started). */
    Optional<Survey> version(String id, int version);
}
