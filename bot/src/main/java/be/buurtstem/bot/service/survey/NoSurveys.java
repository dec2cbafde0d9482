package be.buurtstem.bot.service.survey;

import java.util.List;
import java.util.Optional;

/** A catalog with nothing in it (used until questionnaires are loaded). */
public final class NoSurveys implements SurveyCatalog {
    @Override
    public List<Survey> current() {
        return List.of();
    }

    @Override
    public Optional<Survey> current(String id) {
        return Optional.empty();
    }

    @Override
    public Optional<Survey> version(String id, int version) {
        return Optional.empty();
    }
}
