package be.buurtstem.bot.service.store;

import com.mongodb.client.model.Filters;
import org.bson.conversions.Bson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * Which answers an export reads from {@code answers} (every kind, not only free text): each part null = any.
 * {@code from} is inclusive, {@code to} exclusive, both on when the message arrived; {@code segmentField} and
 * {@code segmentValue} go together (the resident's segment value when answering, e.g. {@code area=noord}).
 */
public record AnswerSelection(String questionnaire, Integer version, Instant from, Instant to, String language,
                              String kind, String segmentField, String segmentValue) {
    public static AnswerSelection all() {
        return new AnswerSelection(null, null, null, null, null, null, null, null);
    }

    Bson filter() {
        List<Bson> f = new ArrayList<>();
        if (questionnaire != null) {
            f.add(Filters.eq("questionnaire", questionnaire));
        }
        if (version != null) {
            f.add(Filters.eq("version", version));
        }
        if (from != null) {
            f.add(Filters.gte("receivedAt", Date.from(from)));
        }
        if (to != null) {
            f.add(Filters.lt("receivedAt", Date.from(to)));
        }
        if (language != null) {
            f.add(Filters.eq("language", language));
        }
        if (kind != null) {
            f.add(Filters.eq("kind", kind));
        }
        if (segmentField != null) {
            f.add(Filters.eq("segments." + segmentField, segmentValue));
        }
        return f.isEmpty() ? Filters.empty() : Filters.and(f);
    }
}
