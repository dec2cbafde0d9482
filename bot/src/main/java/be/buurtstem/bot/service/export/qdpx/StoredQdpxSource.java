package be.buurtstem.bot.service.export.qdpx;

import be.buurtstem.analysis.coding.AnalystDecision;
import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.Decisions;
import be.buurtstem.bot.service.store.AnswerRecord;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.store.StoredCoding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The stored free-text answers of one questionnaire as a REFI-QDA source: read from {@code answers} grouped by
 * respondent (a deleted resident's answers are gone from the store, so from the export), effective themes as the
 * analysts' API resolves them, each credited to the analyst whose decision put it there or else to the coder.
 * A resident's variables are their language, channel and segment values as their latest answer carries them.
 * The analysts' decisions on the questionnaire are held in memory (people's work: small beside the answers).
 */
public final class StoredQdpxSource implements QdpxSource {
    private final Answers answers;
    private final Map<String, List<AnalystDecision>> decisions;
    private final Codebook codebook;
    private final String questionnaire;
    private final String language;

    public StoredQdpxSource(Answers answers, Map<String, List<AnalystDecision>> decisions, Codebook codebook,
                            String questionnaire, String language) {
        this.answers = answers;
        this.decisions = decisions;
        this.codebook = codebook;
        this.questionnaire = questionnaire;
        this.language = language;
    }

    @Override
    public String projectName() {
        return "Buurtstem: " + questionnaire;
    }

    @Override
    public Codebook codebook() {
        return codebook;
    }

    @Override
    public String codeLanguage() {
        return language;
    }

    @Override
    public void eachRespondent(Consumer<RespondentAnswers> action) {
        List<AnswerRecord> group = new ArrayList<>();
        answers.eachByRespondent(Answers.FreeText.of(questionnaire), r -> {
            if (!group.isEmpty() && !sameSource(group.getFirst().answer(), r.answer())) {
                action.accept(respondent(group));
                group.clear();
            }
            group.add(r);
        });
        if (!group.isEmpty()) {
            action.accept(respondent(group));
        }
    }

    private static boolean sameSource(StoredAnswer a, StoredAnswer b) {
        return a.respondent().equals(b.respondent()) && a.questionnaire().equals(b.questionnaire());
    }

    private RespondentAnswers respondent(List<AnswerRecord> group) {
        Map<String, String> variables = new LinkedHashMap<>();
        List<CodedAnswer> coded = new ArrayList<>(group.size());
        for (AnswerRecord r : group) {
            StoredAnswer a = r.answer();
            put(variables, "language", a.language());
            put(variables, "channel", a.channel());
            a.segments().forEach((k, v) -> put(variables, k, v));
            coded.add(new CodedAnswer(a.id(), a.question(), a.text(), a.receivedAt(),
                    themes(r, decisions.getOrDefault(a.id(), List.of()))));
        }
        StoredAnswer first = group.getFirst().answer();
        return new RespondentAnswers(first.respondent(), first.questionnaire(), variables, coded);
    }

    private static void put(Map<String, String> variables, String name, String value) {
        if (value != null && !value.isBlank()) {
            variables.put(name, value); // later answers win: what the resident said last
        }
    }

    /** The answer's effective themes, each with who put it there. */
    static List<AppliedTheme> themes(AnswerRecord r, List<AnalystDecision> ds) {
        Map<String, AnalystDecision> latest = Decisions.latestPerTheme(ds);
        StoredCoding coding = r.coding();
        List<AppliedTheme> out = new ArrayList<>();
        for (String theme : Decisions.resolve(r.machineThemes(), ds)) {
            AnalystDecision d = latest.get(theme);
            if (d != null) {
                out.add(new AppliedTheme(theme, d.analyst() == null ? "analyst" : d.analyst(), d.at()));
            } else {
                out.add(new AppliedTheme(theme, coderName(coding), coding == null ? null : coding.at()));
            }
        }
        return out;
    }

    /** The machine coder as a user of its own, e.g. {@code coder: combined}. */
    static String coderName(StoredCoding coding) {
        return "coder: " + (coding == null || coding.coder() == null ? "machine" : coding.coder());
    }
}
