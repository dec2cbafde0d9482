package be.buurtstem.bot.service.pages.overview;

import be.buurtstem.analysis.overview.Question;
import be.buurtstem.bot.service.store.OverviewReads;
import be.buurtstem.bot.service.survey.Survey;
import be.buurtstem.engine.model.Kind;
import be.buurtstem.engine.model.Node;
import be.buurtstem.engine.model.Option;
import be.buurtstem.engine.model.Questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the overview needs to know of a questionnaire version: its questions in the file's order (a repeat group's
 * questions where the group stands), and its segment fields: field → the question that asks it (null for a value
 * that comes from the start link, such as {@code area}). A field whose question is not a choice holds what residents
 * typed, so its rare values are not named ({@code open}).
 */
record QuestionnaireShape(List<Question> questions, Map<String, Node> nodes, Map<String, Node> segmentQuestions,
                          Set<String> open) {

    static QuestionnaireShape of(Survey survey) {
        List<Question> questions = new ArrayList<>();
        questions.add(new Question(OverviewReads.FIRST_LANGUAGE, Question.Type.STEP, List.of()));
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Node> segments = new LinkedHashMap<>();
        Set<String> open = new LinkedHashSet<>();
        if (survey instanceof be.buurtstem.bot.service.questionnaires.EngineSurvey engine) {
            Questionnaire q = engine.questionnaire();
            walk(q.nodes(), questions, nodes);
            for (Node n : nodes.values()) {
                if (n.segment() != null && !n.segment().isBlank()) {
                    segments.putIfAbsent(n.segment(), n);
                    if (!n.kind().hasOptions()) {
                        open.add(n.segment());
                    }
                }
            }
            for (String param : q.context()) {
                if (!segments.containsKey(param)) {
                    segments.put(param, null);
                    open.add(param);
                }
            }
        }
        return new QuestionnaireShape(List.copyOf(questions), nodes, segments, open);
    }

    private static void walk(List<Node> list, List<Question> out, Map<String, Node> nodes) {
        for (Node n : list) {
            nodes.put(n.id(), n);
            if (n.kind() == Kind.REPEAT) {
                walk(n.nodes(), out, nodes);
                continue;
            }
            if (!n.kind().isQuestion()) {
                continue;
            }
            out.add(switch (n.kind()) {
                case CONSENT, LANGUAGE -> new Question(n.id(), Question.Type.STEP, List.of());
                case SINGLE_CHOICE -> new Question(n.id(), Question.Type.SINGLE_CHOICE, ids(n));
                case MULTIPLE_CHOICE -> new Question(n.id(), Question.Type.MULTIPLE_CHOICE, ids(n));
                case SCALE -> new Question(n.id(), Question.Type.SCALE, scale(n));
                case NUMBER -> new Question(n.id(), Question.Type.NUMBER, List.of());
                case FREE_TEXT, LOCATION, PHOTO -> new Question(n.id(), Question.Type.OPEN, List.of());
                case MESSAGE, REPEAT, END -> throw new IllegalStateException("not a question: " + n.kind());
            });
        }
    }

    private static List<String> ids(Node n) {
        return n.options().stream().map(Option::id).toList();
    }

    private static List<String> scale(Node n) {
        List<String> values = new ArrayList<>();
        for (int v = n.scaleMin(); v <= n.scaleMax(); v++) {
            values.add(Integer.toString(v));
        }
        return values;
    }
}
