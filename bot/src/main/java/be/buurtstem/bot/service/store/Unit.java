package be.buurtstem.bot.service.store;

import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every write of one inbound message, held until {@link WriteBehind#flush} writes it together with the other
 * messages' (one bulk write per collection). A unit is written whole or not at all: a flush never takes half of one.
 */
final class Unit {
    record SessionWrite(SessionRecord session, long expectedVersion) {
    }

    record RespondentWrite(String respondent, Bson update) {
    }

    record ProcessedMark(String inputId, String respondent, Instant at) {
    }

    long seq;
    /** Whose sync covers this unit: told when it is not written. */
    final SyncGroup group;
    /** Refused by the store on its own (see {@link WriteBehind#flush}). */
    boolean failed;

    Unit(SyncGroup group) {
        this.group = group;
    }

    final List<SessionWrite> sessions = new ArrayList<>();
    final List<RespondentWrite> respondents = new ArrayList<>();
    final List<Document> answers = new ArrayList<>();
    final List<UnplacedReply> unplaced = new ArrayList<>();
    final List<Document> outbox = new ArrayList<>();
    final List<ProcessedMark> processed = new ArrayList<>();
    /** Run once the unit is written (the answer listeners: coding must find the answer it codes). */
    final List<Runnable> afterWrite = new ArrayList<>();

    boolean isEmpty() {
        return sessions.isEmpty() && respondents.isEmpty() && answers.isEmpty() && unplaced.isEmpty()
                && outbox.isEmpty() && processed.isEmpty() && afterWrite.isEmpty();
    }

    /** {@link #writtenKeys()}, taken once when the unit is queued (a queued unit no longer changes). */
    Set<String> keys = Set.of();

    /** The respondents and input ids this unit writes: a read of one of them waits for the unit to be written. */
    Set<String> writtenKeys() {
        Set<String> keys = new LinkedHashSet<>();
        sessions.forEach(s -> keys.add(s.session().respondent()));
        respondents.forEach(r -> keys.add(r.respondent()));
        answers.forEach(a -> keys.add(a.getString("respondent")));
        unplaced.forEach(u -> keys.add(u.respondent()));
        for (ProcessedMark p : processed) {
            keys.add(p.inputId());
            if (p.respondent() != null) {
                keys.add(p.respondent());
            }
        }
        return keys;
    }

    /** Before a deletion of the respondent: what this unit would have written about them is dropped. */
    void forget(String respondent) {
        sessions.removeIf(s -> s.session().respondent().equals(respondent));
        respondents.removeIf(r -> r.respondent().equals(respondent));
        answers.removeIf(a -> respondent.equals(a.getString("respondent")));
        unplaced.removeIf(u -> u.respondent().equals(respondent));
        outbox.removeIf(o -> respondent.equals(o.getString("respondent")));
        afterWrite.clear();
    }
}
