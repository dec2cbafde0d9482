package be.buurtstem.bot.service.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;

/**
 * The embedded server's documents ({@code de.bwaldvogel.mongo.bson}) as the driver would have decoded them
 * ({@code org.bson}), for the reads the conversation path makes in process ({@link Store#read}): the same value
 * types a round trip through the wire protocol gives (a date as {@link Date}, an ObjectId as the driver's), so the
 * readers of the records ({@link Sessions#read}, {@link Respondents#read}) do not know the difference. A value of a
 * kind the conversation's collections never hold throws {@link Unsupported}: the caller then reads over the wire.
 */
final class InProcessDocuments {
    private InProcessDocuments() {
    }

    /** A value with no known driver counterpart here. */
    static final class Unsupported extends RuntimeException {
        Unsupported(Object value) {
            super("no in-process conversion for " + value.getClass().getName(), null, false, false);
        }
    }

    static org.bson.Document toBson(de.bwaldvogel.mongo.bson.Document d) {
        org.bson.Document out = new org.bson.Document();
        for (Map.Entry<String, Object> e : d.entrySet()) {
            Object v = e.getValue();
            if (v instanceof de.bwaldvogel.mongo.backend.Missing) {
                continue; // not a value: the wire protocol would not carry the key either
            }
            out.put(e.getKey(), value(v));
        }
        return out;
    }

    static Object value(Object v) {
        if (v == null || v instanceof String || v instanceof Integer || v instanceof Long || v instanceof Double
                || v instanceof Boolean) {
            return v;
        }
        if (v instanceof de.bwaldvogel.mongo.bson.Document d) {
            return toBson(d);
        }
        if (v instanceof Collection<?> c) {
            List<Object> out = new ArrayList<>(c.size());
            for (Object o : c) {
                out.add(value(o));
            }
            return out;
        }
        if (v instanceof Instant i) {
            return Date.from(i); // the wire's datetime has milliseconds, as Date.from keeps
        }
        if (v.getClass() == Date.class) {
            return new Date(((Date) v).getTime());
        }
        if (v instanceof de.bwaldvogel.mongo.bson.ObjectId id) {
            return new org.bson.types.ObjectId(id.toByteArray());
        }
        throw new Unsupported(v);
    }
}
