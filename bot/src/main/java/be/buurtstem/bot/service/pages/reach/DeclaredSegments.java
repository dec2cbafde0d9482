package be.buurtstem.bot.service.pages.reach;

import be.buurtstem.bot.service.questionnaires.EngineSurvey;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The segment fields a questionnaire declares, with the values it knows for them: its {@code context:} names (what a
 * link may carry, e.g. {@code area}) and the {@code segment:} of its questions, whose options are the values
 * ({@code which_area} with segment {@code area}: noord, zuid).
 */
final class DeclaredSegments {
    private DeclaredSegments() {
    }

    /** Field → its declared values (possibly none), in file order; link-carried fields first. */
    static Map<String, List<String>> of(Survey survey) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (!(survey instanceof EngineSurvey engine)) {
            return out;
        }
        Questionnaire q = engine.questionnaire();
        for (String name : q.context()) {
            out.putIfAbsent(name, new ArrayList<>());
        }
        collect(q.nodes(), out);
        return out;
    }

    private static void collect(List<Node> nodes, Map<String, List<String>> out) {
        for (Node n : nodes) {
            if (n.segment() != null && !n.segment().isBlank()) {
                List<String> values = out.computeIfAbsent(n.segment(), k -> new ArrayList<>());
                for (Option o : n.options() == null ? List.<Option>of() : n.options()) {
                    if (!values.contains(o.id())) {
                        values.add(o.id());
                    }
                }
            }
            if (n.nodes() != null) {
                collect(n.nodes(), out); // a repeat group's own questions
            }
        }
    }
}
