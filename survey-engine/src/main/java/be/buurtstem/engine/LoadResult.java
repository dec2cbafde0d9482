package be.buurtstem.engine;

import be.buurtstem.engine.model.Questionnaire;

import java.util.List;

/**
 * What the loader made of a file: the questionnaire (null only when the YAML could not be read as a
 * questionnaire at all) and every problem found on the way.
 */
public record LoadResult(Questionnaire questionnaire, List<Problem> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }
}
