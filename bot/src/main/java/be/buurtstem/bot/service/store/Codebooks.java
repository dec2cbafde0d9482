package be.buurtstem.bot.service.store;

import be.buurtstem.analysis.coding.CodebookEdit;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Analysts' edits of the codebook, in {@code codebooks}, the only place that knows their fields: one document per
 * edit, {@code {_id: N, kind: add|texts|merge|split, theme, into, labels, descriptions, parts: [{theme, labels,
 * descriptions}], by, at, done}}. {@code _id} is the codebook's edit version (1, 2, ...): an edit is stored only as
 * the version after the one its author saw, so two analysts editing at once cannot both win (optimistic lock: the
 * second insert finds the id taken). {@code done} turns true once a merge's relabelling or a split's review marks are
 * written; an edit left undone by a stop is finished at the next start.
 */
public final class Codebooks {
    private final MongoCollection<Document> codebooks;

    Codebooks(MongoDatabase db) {
        this.codebooks = db.getCollection("codebooks");
    }

    /** One stored edit. */
    public record StoredEdit(int version, CodebookEdit edit, String by, Instant at, boolean done) {
    }

    /** Every edit, oldest first. */
    public List<StoredEdit> edits() {
        List<StoredEdit> out = new ArrayList<>();
        for (Document d : codebooks.find().sort(Sorts.ascending("_id"))) {
            out.add(read(d));
        }
        return out;
    }

    /** The number of the last edit (0: the bundled codebook unchanged). */
    public int version() {
        Document last = codebooks.find().sort(Sorts.descending("_id")).limit(1).first();
        return last == null ? 0 : last.getInteger("_id");
    }

    /**
     * Stores an edit as version {@code seen + 1}; {@link ConcurrentUpdateException} when someone stored that version
     * first (the author saw an older codebook). {@code done}: nothing is left to do after it (add, texts).
     */
    public int append(int seen, CodebookEdit edit, String by, Instant at, boolean done) {
        Document d = write(edit).append("_id", seen + 1).append("by", by).append("at", Date.from(at))
                .append("done", done);
        try {
            codebooks.insertOne(d);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                throw new ConcurrentUpdateException("the codebook was changed meanwhile (version " + (seen + 1)
                        + " exists)");
            }
            throw e;
        }
        return seen + 1;
    }

    /** Marks an edit's follow-up work (relabelling, review marks) as finished. */
    public void markDone(int version) {
        codebooks.updateOne(Filters.eq("_id", version), Updates.set("done", true));
    }

    private static Document write(CodebookEdit edit) {
        return switch (edit) {
            case CodebookEdit.Add a -> texts(new Document("kind", "add").append("theme", a.theme()), a.labels(),
                    a.descriptions());
            case CodebookEdit.Texts t -> texts(new Document("kind", "texts").append("theme", t.theme()), t.labels(),
                    t.descriptions());
            case CodebookEdit.Merge m -> new Document("kind", "merge").append("theme", m.theme())
                    .append("into", m.into());
            case CodebookEdit.Split s -> {
                List<Document> parts = new ArrayList<>();
                for (CodebookEdit.Add p : s.parts()) {
                    parts.add(texts(new Document("theme", p.theme()), p.labels(), p.descriptions()));
                }
                yield new Document("kind", "split").append("theme", s.theme()).append("parts", parts);
            }
        };
    }

    private static Document texts(Document d, Map<String, String> labels, Map<String, String> descriptions) {
        return d.append("labels", new Document(new LinkedHashMap<String, Object>(labels)))
                .append("descriptions", new Document(new LinkedHashMap<String, Object>(descriptions)));
    }

    private static StoredEdit read(Document d) {
        String theme = d.getString("theme");
        CodebookEdit edit = switch (d.getString("kind")) {
            case "add" -> add(d);
            case "texts" -> new CodebookEdit.Texts(theme, map(d, "labels"), map(d, "descriptions"));
            case "merge" -> new CodebookEdit.Merge(theme, d.getString("into"));
            case "split" -> {
                List<CodebookEdit.Add> parts = new ArrayList<>();
                for (Document p : d.getList("parts", Document.class, List.of())) {
                    parts.add(add(p));
                }
                yield new CodebookEdit.Split(theme, parts);
            }
            default -> throw new IllegalStateException("codebooks " + d.get("_id") + ": unknown kind "
                    + d.getString("kind"));
        };
        Date at = d.getDate("at");
        return new StoredEdit(d.getInteger("_id"), edit, d.getString("by"), at == null ? null : at.toInstant(),
                Boolean.TRUE.equals(d.getBoolean("done")));
    }

    private static CodebookEdit.Add add(Document d) {
        return new CodebookEdit.Add(d.getString("theme"), map(d, "labels"), map(d, "descriptions"));
    }

    private static Map<String, String> map(Document d, String field) {
        Map<String, String> out = new LinkedHashMap<>();
        Document m = d.get(field, Document.class);
        if (m != null) {
            m.forEach((k, v) -> {
                if (v != null) {
                    out.put(k, String.valueOf(v));
                }
            });
        }
        return out;
    }
}
