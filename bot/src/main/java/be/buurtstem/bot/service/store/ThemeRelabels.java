package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a codebook edit changes in stored answers and decisions: the theme fields of {@code answers} ({@code codes},
 * {@code scores}, and {@code review}: {@code {reason, theme, into, at}}, an answer an analyst should look at again)
 * and the {@code theme} of {@code codings}. Every write here is idempotent, so an edit interrupted halfway is simply
 * run again: a relabelled code no longer matches, a mark already set is set again.
 */
public final class ThemeRelabels {
    /** Answers relabelled per bulk write. */
    private static final int BATCH = 500;
    private final MongoCollection<Document> answers;
    private final MongoCollection<Document> codings;

    ThemeRelabels(MongoDatabase db) {
        this.answers = db.getCollection("answers");
        this.codings = db.getCollection("codings");
    }

    /**
     * Machine codes of {@code from} become {@code into}: an answer coded with both keeps one code with the higher
     * confidence, and its scores likewise. Returns the answers changed.
     */
    public long relabelCodes(String from, String into) {
        long n = 0;
        List<WriteModel<Document>> writes = new ArrayList<>();
        var which = Filters.or(Filters.eq("codes.theme", from), Filters.exists("scores." + from, true));
        for (Document d : answers.find(which).projection(Projections.include("codes", "scores"))) {
            Map<String, Document> byTheme = new LinkedHashMap<>();
            for (Object o : d.getList("codes", Object.class, List.of())) {
                if (o instanceof Document c && c.getString("theme") != null) {
                    Document code = new Document(c);
                    String theme = from.equals(code.getString("theme")) ? into : code.getString("theme");
                    code.put("theme", theme);
                    byTheme.merge(theme, code, (a, b) -> confidence(a) >= confidence(b) ? a : b);
                }
            }
            Document scores = new Document();
            Document old = d.get("scores", Document.class);
            if (old != null) {
                old.forEach((theme, v) -> {
                    String t = from.equals(theme) ? into : theme;
                    if (v instanceof Number s) {
                        scores.merge(t, s.doubleValue(), (a, b) -> Math.max(((Number) a).doubleValue(),
                                ((Number) b).doubleValue()));
                    }
                });
            }
            writes.add(new UpdateOneModel<>(Filters.eq("_id", d.get("_id")), Updates.combine(
                    Updates.set("codes", new ArrayList<>(byTheme.values())), Updates.set("scores", scores))));
            n++;
            if (writes.size() == BATCH) {
                answers.bulkWrite(writes);
                writes.clear();
            }
        }
        if (!writes.isEmpty()) {
            answers.bulkWrite(writes);
        }
        return n;
    }

    private static double confidence(Document code) {
        return code.get("confidence") instanceof Number c ? c.doubleValue() : 0;
    }

    /**
     * Analysts' decisions on {@code from} become decisions on {@code into}, keeping who and when, with
     * {@code merged_from} saying what they were. A removal of {@code from} is relabelled only on answers where no
     * analyst put {@code into} or {@code from} in (there it said "not this part", and the merged theme is in).
     * Returns the decisions changed.
     */
    public long relabelDecisions(String from, String into) {
        Set<String> putIn = new HashSet<>();
        for (Document d : codings.find(Filters.and(Filters.in("theme", from, into), Filters.ne("action", "remove")))
                .projection(Projections.include("answer"))) {
            putIn.add(d.getString("answer"));
        }
        long n = 0;
        for (Document d : codings.find(Filters.eq("theme", from)).projection(Projections.include("answer",
                "action"))) {
            if ("remove".equals(d.getString("action")) && putIn.contains(d.getString("answer"))) {
                continue;
            }
            codings.updateOne(Filters.and(Filters.eq("_id", d.get("_id")), Filters.eq("theme", from)),
                    Updates.combine(Updates.set("theme", into), Updates.set("merged_from", from)));
            n++;
        }
        return n;
    }

    /** The answers coded with {@code theme}, by the machine or by an analyst's adding or confirming it. */
    public Set<String> answersWith(String theme) {
        Set<String> out = new HashSet<>();
        answers.find(Filters.eq("codes.theme", theme)).projection(Projections.include("_id"))
                .forEach(d -> out.add(d.getString("_id")));
        codings.find(Filters.and(Filters.eq("theme", theme), Filters.ne("action", "remove")))
                .projection(Projections.include("answer")).forEach(d -> out.add(d.getString("answer")));
        return out;
    }

    /** Marks answers for the review queue: {@code theme} was split into {@code into}. Returns how many are marked. */
    public long markForReview(Collection<String> ids, String reason, String theme, List<String> into, Instant at) {
        if (ids.isEmpty()) {
            return 0;
        }
        Document review = new Document("reason", reason).append("theme", theme).append("into", into)
                .append("at", Date.from(at));
        return answers.updateMany(Filters.in("_id", ids), Updates.set("review", review)).getMatchedCount();
    }

    /** An analyst has decided on the answer again: it leaves the review queue. */
    public void clearReview(String answerId) {
        answers.updateOne(Filters.and(Filters.eq("_id", answerId), Filters.exists("review", true)),
                Updates.unset("review"));
    }

    /** The answers marked for review (of one split theme, or all: null). */
    public long markedForReview(String theme) {
        return answers.countDocuments(theme == null ? Filters.exists("review", true)
                : Filters.eq("review.theme", theme));
    }

    /** The ids of the answers marked for review, for the review queue. */
    public List<String> idsMarkedForReview() {
        List<String> out = new ArrayList<>();
        answers.find(Filters.exists("review", true)).projection(Projections.include("_id"))
                .forEach(d -> out.add(d.getString("_id")));
        return out;
    }

    /** Answers per machine-coded theme (one aggregation; the analysts' decisions are not in it). */
    public Map<String, Long> machineCounts() {
        Map<String, Long> out = new HashMap<>();
        for (Document d : answers.aggregate(List.of(Aggregates.match(Filters.exists("coding", true)),
                Aggregates.project(Projections.include("codes")), Aggregates.unwind("$codes"),
                Aggregates.group("$codes.theme", Accumulators.sum("n", 1))))) {
            if (d.get("_id") instanceof String theme && d.get("n") instanceof Number n) {
                out.merge(theme, n.longValue(), Long::sum);
            }
        }
        return out;
    }
}
