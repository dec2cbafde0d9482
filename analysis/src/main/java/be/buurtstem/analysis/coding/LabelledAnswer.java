package be.buurtstem.analysis.coding;

import be.buurtstem.analysis.answers.Answer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * An answer with the themes a person gave it: the training and evaluation unit.
 *
 * @param answer the answer (its chosen language and respondent are used)
 * @param labels its themes (possibly none)
 * @param source where the labels come from; {@link Source#SYNTHETIC} examples train but never count in a score
 */
public record LabelledAnswer(Answer answer, Set<String> labels, Source source) {
    public enum Source { ANALYST, IMPORTED, SYNTHETIC }

    public LabelledAnswer {
        labels = Set.copyOf(labels);
    }

    /** From an answer file record with {@code themes}: imported labels, or synthetic when the record says so. */
    public static LabelledAnswer fromRecord(Answer a) {
        if (a.themes() == null) {
            throw new IllegalArgumentException("answer " + a.id() + " has no themes");
        }
        return new LabelledAnswer(a, new LinkedHashSet<>(a.themes()), a.synthetic() ? Source.SYNTHETIC : Source.IMPORTED);
    }

    /**
     * From analysts' decisions on an answer: the themes the machine showed them, overruled by their decisions (a code
     * an analyst saw and left standing counts as accepted).
     */
    public static LabelledAnswer fromDecisions(Answer a, List<String> machineThemesShown, List<AnalystDecision> decisions) {
        return new LabelledAnswer(a, Decisions.resolve(machineThemesShown, decisions), Source.ANALYST);
    }

    public boolean synthetic() {
        return source == Source.SYNTHETIC;
    }
}
