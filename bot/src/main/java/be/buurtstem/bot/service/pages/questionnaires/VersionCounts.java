package be.buurtstem.bot.service.pages.questionnaires;

import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.Store;
import org.bson.Document;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many residents are in each questionnaire version: their current conversation (the {@code sessions}
 * collection) counted by questionnaire, version and status. Counts only, nothing about who.
 */
final class VersionCounts {
    record Count(long inProgress, long completed) {
        static final Count NONE = new Count(0, 0);
    }

    private VersionCounts() {
    }

    static Map<String, Count> of(Store store) {
        Map<String, long[]> c = new HashMap<>();
        List<Document> pipeline = List.of(new Document("$group", new Document("_id",
                new Document("q", "$questionnaire").append("v", "$questionnaireVersion").append("s", "$status"))
                .append("n", new Document("$sum", 1))));
        for (Document d : store.database().getCollection("sessions").aggregate(pipeline)) {
            Document id = d.get("_id", Document.class);
            Object version = id.get("v");
            String key = id.getString("q") + ":" + (version instanceof Number n ? n.intValue() : 0);
            long n = ((Number) d.get("n")).longValue();
            long[] counts = c.computeIfAbsent(key, k -> new long[2]);
            if (SessionRecord.ACTIVE.equals(id.getString("s"))) {
                counts[0] += n;
            } else if (SessionRecord.COMPLETED.equals(id.getString("s"))) {
                counts[1] += n;
            }
        }
        Map<String, Count> out = new HashMap<>();
        c.forEach((k, v) -> out.put(k, new Count(v[0], v[1])));
        return out;
    }
}
