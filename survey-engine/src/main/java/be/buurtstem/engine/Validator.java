package be.buurtstem.engine;

import be.buurtstem.engine.model.Questionnaire;
import be.buurtstem.engine.validate.FormatCheck;
import be.buurtstem.engine.validate.GraphCheck;
import be.buurtstem.engine.validate.ReferenceCheck;
import be.buurtstem.engine.validate.StructureCheck;
import be.buurtstem.engine.validate.TextCheck;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds every problem in a questionnaire in one pass, each with its line: structure (ids, options, ranges),
 * routing (targets, unreachable nodes, nodes that cannot reach an end, loops with no way out), references
 * (conditions and text arguments naming unknown questions or options) and texts (missing translations as
 * warnings, ICU patterns that do not parse).
 */
public final class Validator {
    private Validator() {
    }

    /** Problems in a loaded questionnaire, sorted by line. Loader problems are not included (see {@link #check}). */
    public static List<Problem> validate(Questionnaire q) {
        List<Problem> out = new ArrayList<>();
        StructureCheck.run(q, out);
        GraphCheck.run(q, out);
        ReferenceCheck.run(q, out);
        TextCheck.run(q, out);
        return sorted(out);
    }

    /** Loads and validates a file's text: every problem the loader and the validator find, sorted by line. */
    public static List<Problem> check(String yamlText, String fileName) {
        LoadResult r = QuestionnaireLoader.parse(yamlText, fileName);
        List<Problem> out = new ArrayList<>(r.problems());
        if (r.questionnaire() != null) {
            out.addAll(validate(r.questionnaire()));
        }
        return sorted(out);
    }

    /**
     * Formats every text in every declared language with sample arguments (numbers 0, 1, 2, 3, 5, 11, 100 and
     * 1.5 for number and scale questions, so that every plural form is exercised; a sample string otherwise).
     * Returns an error for each pattern that fails. Slower than {@link #validate}; meant for content tests.
     */
    public static List<Problem> checkFormatting(Questionnaire q) {
        List<Problem> out = new ArrayList<>();
        FormatCheck.run(q, out);
        return sorted(out);
    }

    public static boolean hasErrors(List<Problem> problems) {
        return problems.stream().anyMatch(Problem::isError);
    }

    private static List<Problem> sorted(List<Problem> problems) {
        return problems.stream().distinct().sorted().toList();
    }
}
