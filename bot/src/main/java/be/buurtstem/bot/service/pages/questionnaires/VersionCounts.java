package be.buurtstem.bot.service.pages.questionnaires;

import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.Sessions;
import be.buurtstem.bot.service.store.Store;

import java.util.HashMap;
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
        for (Sessions.VersionCount v : store.sessionCountsByVersion()) {
            long[] counts = c.computeIfAbsent(v.questionnaire() + ":" + v.version(), k -> new long[2]);
            if (SessionRecord.ACTIVE.equals(v.status())) {
                counts[0] += v.sessions();
            } else if (SessionRecord.COMPLETED.equals(v.status())) {
                counts[1] += v.sessions();
            }
        }
        Map<String, Count> out = new HashMap<>();
        c.forEach((k, v) -> out.put(k, new Count(v[0], v[1])));
        return out;
    }
}
