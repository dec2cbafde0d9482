package be.buurtstem.bot.service.store;

import be.buurtstem.analysis.overview.AnswerFact;
import be.buurtstem.analysis.overview.SessionFact;
import be.buurtstem.engine.ConversationState;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Accumulators;
import com.mongodb.client.model.Aggregates;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What the organisers' overview reads, streamed with only the fields it counts: sessions (status, where the resident
 * is), respondents' segment values, and answers (a closed answer's value; an open answer's existence only: the text
 * of a free-text answer is dropped as it is read, never passed on). Test conversations (a document marked {@code preview: true}, or on the
 * {@code preview} channel) are never counted. Field names as {@link Sessions}, {@link Answers} and
 * {@link Respondents} write them.
 */
public final class OverviewReads {
    /** The answers' kinds whose value is a choice, a scale or a number (shown as counts). */
    static final List<String> CLOSED_KINDS = List.of("single_choice", "multiple_choice", "scale", "number");
    /** The node of a resident asked their language before anything else (the engine's start node meanwhile). */
    public static final String FIRST_LANGUAGE = "_first_language";
    private static final Bson REAL = Filters.and(Filters.ne("preview", true), Filters.ne("channel", "preview"));
    private final MongoDatabase db;

    public OverviewReads(Store store) {
        this.db = store.database();
    }

    /** Each session of a questionnaire; an open one's state is read to find where the resident is. */
    public void sessions(String questionnaire, Consumer<SessionFact> out) {
        Bson of = Filters.and(Filters.eq("questionnaire", questionnaire), REAL);
        db.getCollection("sessions").find(Filters.and(of, Filters.ne("status", SessionRecord.ACTIVE)))
                .projection(Projections.include("channel", "questionnaireVersion", "language", "status", "startedAt",
                        "updatedAt")).batchSize(2000)
                .forEach(d -> out.accept(fact(d, SessionRecord.COMPLETED.equals(d.getString("status"))
                        ? SessionFact.Status.COMPLETED : SessionFact.Status.REFUSED, null, false)));
        db.getCollection("sessions").find(Filters.and(of, Filters.eq("status", SessionRecord.ACTIVE)))
                .projection(Projections.include("channel", "questionnaireVersion", "language", "status", "startedAt",
                        "updatedAt", "state")).batchSize(2000)
                .forEach(d -> {
                    String node = null;
                    boolean paused = false;
                    try {
                        StatePlace s = StatePlace.of(d.getString("state"));
                        node = s.await() == ConversationState.Await.FIRST_LANGUAGE ? FIRST_LANGUAGE : s.node();
                        paused = s.status() == ConversationState.Status.STOPPED;
                    } catch (RuntimeException unreadable) {
                        // counted as started, at an unknown place
                    }
                    out.accept(fact(d, SessionFact.Status.OPEN, node, paused));
                });
    }

    private static SessionFact fact(Document d, SessionFact.Status status, String node, boolean paused) {
        return new SessionFact(d.getString("_id"), d.getInteger("questionnaireVersion", 1), d.getString("language"),
                d.getString("channel"), status, node, paused, instant(d.getDate("startedAt")),
                instant(d.getDate("updatedAt")));
    }

    /** Each respondent's segment values (field → value as stored; a multiple choice is stored as its list). */
    public void segments(BiConsumer<String, Map<String, String>> out) {
        db.getCollection("respondents").find(Filters.and(Filters.exists("segments"), Filters.ne("preview", true)))
                .projection(Projections.include("segments")).batchSize(2000).forEach(d -> {
                    Document s = d.get("segments", Document.class);
                    Map<String, String> m = new HashMap<>();
                    if (s != null) {
                        s.forEach((k, v) -> {
                            if (v != null) {
                                m.put(k, String.valueOf(v));
                            }
                        });
                    }
                    out.accept(d.getString("_id"), m);
                });
    }

    /**
     * Each answer to a questionnaire: a closed one with its value as keys, an open one without any value. One pass
     * over the questionnaire's answers (two, one per kind of answer, cost twice as much on the embedded store, which
     * reads every answer of the questionnaire for each): an open answer's value is dropped here, never passed on.
     */
    public void answers(String questionnaire, Consumer<AnswerFact> out) {
        db.getCollection("answers").find(Filters.and(Filters.eq("questionnaire", questionnaire), REAL))
                .projection(Projections.include("respondent", "version", "question", "kind", "value", "receivedAt"))
                .batchSize(5000).forEach(d -> out.accept(answer(d,
                        CLOSED_KINDS.contains(d.getString("kind")) ? keys(d.get("value")) : List.of())));
    }

    private static AnswerFact answer(Document d, List<String> values) {
        return new AnswerFact(d.getString("respondent"), d.getInteger("version", 1), d.getString("question"), values,
                instant(d.getDate("receivedAt")));
    }

    /** Residents per questionnaire and session status, in one aggregation (for the list of questionnaires). */
    public Map<String, Map<String, Integer>> statusCounts() {
        Map<String, Map<String, Integer>> out = new HashMap<>();
        db.getCollection("sessions").aggregate(List.of(Aggregates.match(REAL),
                        Aggregates.group(new Document("q", "$questionnaire").append("s", "$status"),
                                Accumulators.sum("n", 1))))
                .forEach(d -> {
                    Document id = d.get("_id", Document.class);
                    out.computeIfAbsent(id.getString("q"), k -> new HashMap<>())
                            .put(id.getString("s"), ((Number) d.get("n")).intValue());
                });
        return out;
    }

    /** A closed answer's value as keys: an option id, each id of a multiple choice, a number in plain digits. */
    static List<String> keys(Object value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            List<String> out = new ArrayList<>(list.size());
            for (Object o : list) {
                out.add(key(o));
            }
            return out;
        }
        return List.of(key(value));
    }

    private static String key(Object v) {
        if (v instanceof Double d && Double.isFinite(d)) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (v instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private static Instant instant(Date d) {
        return d == null ? null : d.toInstant();
    }
}
