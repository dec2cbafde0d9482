package be.buurtstem.bot.service.store;

import be.buurtstem.analysis.coding.AnalystDecision;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Analysts' decisions, in {@code codings}, the only place that knows its fields: one document per decision
 * ({@code _id, answer, respondent, questionnaire, question, theme, action, analyst, at}), never touched by machine
 * coding. {@code analyst} is the signed-in account that decided on the analysts' pages, or {@code "analyst"} for the
 * shared API token (and for decisions stored before accounts, which may lack the field). The respondent is kept so that "delete my answers"
 * removes the decisions on that resident's answers too.
 */
public final class Decisions {
    /**
     * Who decided, for a decision stored before decisions named the signed-in account (all of them came through the
     * one shared analyst token then).
     */
    public static final String SHARED_ANALYST = "analyst";

    private final MongoCollection<Document> codings;

    Decisions(com.mongodb.client.MongoDatabase db) {
        this.codings = db.getCollection("codings");
    }

    void createIndexes() {
        codings.createIndex(Indexes.ascending("answer"));
        codings.createIndex(Indexes.ascending("respondent"));
        codings.createIndex(Indexes.ascending("at"));
    }

    /** Stores a decision; returns its id. */
    public String record(StoredAnswer answer, AnalystDecision d) {
        String id = UUID.randomUUID().toString();
        codings.insertOne(new Document("_id", id).append("answer", d.answerId())
                .append("respondent", answer.respondent())
                .append("questionnaire", answer.questionnaire())
                .append("question", answer.question())
                .append("theme", d.theme()).append("action", d.action().name().toLowerCase(Locale.ROOT))
                .append("analyst", d.analyst()).append("at", Date.from(d.at())));
        return id;
    }

    public List<AnalystDecision> forAnswer(String answerId) {
        List<AnalystDecision> out = new ArrayList<>();
        for (Document d : codings.find(Filters.eq("answer", answerId)).sort(Sorts.ascending("at"))) {
            out.add(toDecision(d));
        }
        return out;
    }

    /** Decisions per answer, in time order; all of them when {@code answerIds} is null. */
    public Map<String, List<AnalystDecision>> byAnswer(Collection<String> answerIds) {
        Map<String, List<AnalystDecision>> out = new HashMap<>();
        var find = answerIds == null ? codings.find() : codings.find(Filters.in("answer", answerIds));
        for (Document d : find.sort(Sorts.ascending("at"))) {
            out.computeIfAbsent(d.getString("answer"), k -> new ArrayList<>()).add(toDecision(d));
        }
        return out;
    }

    /** Decisions per answer on the answers to one questionnaire (all: null), in time order. */
    public Map<String, List<AnalystDecision>> byAnswerOf(String questionnaire) {
        Map<String, List<AnalystDecision>> out = new HashMap<>();
        var find = questionnaire == null ? codings.find() : codings.find(Filters.eq("questionnaire", questionnaire));
        for (Document d : find.sort(Sorts.ascending("at"))) {
            out.computeIfAbsent(d.getString("answer"), k -> new ArrayList<>()).add(toDecision(d));
        }
        return out;
    }

    /** Ids of the answers some analyst decided on. */
    public Set<String> reviewedAnswers() {
        Set<String> out = new HashSet<>();
        for (Document d : codings.find().projection(Projections.include("answer"))) {
            out.add(d.getString("answer"));
        }
        return out;
    }

    /** Removes a resident's decisions (on answers to one questionnaire, or all: null); returns how many. */
    public long deleteOf(String respondent, String questionnaire) {
        return codings.deleteMany(questionnaire == null ? Filters.eq("respondent", respondent)
                : Filters.and(Filters.eq("respondent", respondent), Filters.eq("questionnaire", questionnaire)))
                .getDeletedCount();
    }

    /**
     * Takes back a decision (an analyst's undo): only the analyst who made it can; true when it was there and is gone.
     */
    public boolean remove(String decisionId, String analyst) {
        return codings.deleteOne(Filters.and(Filters.eq("_id", decisionId), Filters.eq("analyst", analyst)))
                .getDeletedCount() > 0;
    }

    public long countSince(Instant at) {
        return at == null ? codings.countDocuments() : codings.countDocuments(Filters.gt("at", Date.from(at)));
    }

    static AnalystDecision toDecision(Document d) {
        String analyst = d.getString("analyst");
        return new AnalystDecision(d.getString("answer"), d.getString("theme"),
                AnalystDecision.Action.valueOf(d.getString("action").toUpperCase(Locale.ROOT)),
                analyst == null || analyst.isBlank() ? SHARED_ANALYST : analyst, d.getDate("at").toInstant());
    }
}
