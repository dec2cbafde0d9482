package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/**
 * The {@code reach_areas} collection, the only place that knows its fields: per questionnaire
 * {@code {_id: questionnaire, field, values, updatedAt, by}}, the segment values an organiser made links for. No
 * resident data.
 */
public final class ReachAreaRecords {
    static final String COLLECTION = "reach_areas";
    static final String ID = "_id";
    static final String FIELD = "field";
    static final String VALUES = "values";
    static final String UPDATED_AT = "updatedAt";
    static final String BY = "by";

    private final MongoCollection<Document> areas;

    ReachAreaRecords(MongoDatabase db) {
        this.areas = db.getCollection(COLLECTION);
    }

    /** The field and its values chosen for a questionnaire. */
    public record Areas(String field, List<String> values) {
        public Areas {
            values = List.copyOf(values);
        }
    }

    public Optional<Areas> of(String questionnaire) {
        Document d = areas.find(Filters.eq(ID, questionnaire)).first();
        return d == null ? Optional.empty()
                : Optional.of(new Areas(d.getString(FIELD), d.getList(VALUES, String.class, List.of())));
    }

    /** Replaces the questionnaire's choice. */
    public void put(String questionnaire, Areas chosen, String by, Instant now) {
        areas.replaceOne(Filters.eq(ID, questionnaire), new Document(ID, questionnaire)
                .append(FIELD, chosen.field()).append(VALUES, chosen.values()).append(UPDATED_AT, Date.from(now))
                .append(BY, by), new ReplaceOptions().upsert(true));
    }
}
