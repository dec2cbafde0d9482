package be.buurtstem.bot.service.store;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.util.List;

/**
 * mongo-java-server's H2 backend, with two changes. Its maps (documents, index keys, sizes) hold their keys and values
 * as compact BSON ({@link BsonValueType}, {@link StoreFormat}) instead of H2's Java serialization. And a query that
 * names an {@code _id} (equal to a value, or {@code $in} a list) together with other conditions is answered through the
 * {@code _id} index. The library uses an index only when the query's keys are exactly the index's, so {@code {_id: x,
 * version: 3}} (the sessions' optimistic lock), {@code {$and: [{_id: x}, {$or: ...}]}} (an outbox claim) or {@code
 * {_id: {$in: ids}, coding: {$exists: false}}} (the coding worker) scanned and matched every document of the
 * collection: a cost that grew with the store, 25 % of the service's CPU at 300 updates/s with 3,000 sessions (JFR,
 * BENCHMARKS.md). The documents the index finds are still matched against the rest of the query, so the result is the
 * same; an {@code $in} of string ids is not matched again (see {@link #rest}), also when it is the query's only
 * condition (the removal of a batch of sent outbox items).
 */
final class IndexedH2Backend extends H2Backend {
    private static final String ID = "_id";
    /** The store of the database being constructed: the library's constructor opens collections before it returns. */
    private static final ThreadLocal<MVStore> OPENING = new ThreadLocal<>();

    /** Queries answered through the {@code _id} index by this class (the library would have scanned): for tests. */
    static final java.util.concurrent.atomic.LongAdder BY_ID = new java.util.concurrent.atomic.LongAdder();

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore(); // the library's field: this is called by its constructor too, for a reopened file
        OPENING.set(store);
        try {
            return new Database(databaseName, store, getCursorRegistry());
        } finally {
            OPENING.remove();
        }
    }

    private static final class Database extends H2Database {
        private final MVStore mvStore;

        Database(String name, MVStore store, CursorRegistry cursors) {
            super(name, store, cursors);
            this.mvStore = store;
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = mvStore != null ? mvStore : OPENING.get(); // null while the super constructor runs
            String namespace = getFullCollectionNamespace(collectionName);
            // the map names of the library's H2Database.openOrCreateCollection (its drop, rename and start-up
            // find the maps by these names); the value type is ours: compact BSON, not Java serialization
            MVMap<Object, Document> data = StoreFormat.openMap(store, "databases." + namespace);
            MVMap<String, Object> meta = StoreFormat.openMap(store, "meta." + namespace);
            return new Collection(this, collectionName, options, data, meta, cursorRegistry);
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                        List<IndexKey> keys, boolean sparse) {
            MVStore store = mvStore != null ? mvStore : OPENING.get();
            // the library's map name for an index (H2Database.mapNameForIndex), so that its dropIndex finds it
            String mapName = getFullCollectionNamespace(collectionName) + "._index_" + indexName;
            return new BsonUniqueIndex(StoreFormat.openMap(store, mapName), indexName, keys, sparse);
        }
    }

    /** The library's H2UniqueIndex (whose constructor it keeps to its package), on a map of our value type. */
    private static final class BsonUniqueIndex extends AbstractUniqueIndex<Object> {
        private final MVMap<KeyValue, Object> map;

        BsonUniqueIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<java.util.Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    private static final class Collection extends H2Collection {
        Collection(MongoDatabase database, String name, CollectionOptions options,
                   MVMap<Object, Document> data, MVMap<String, Object> meta, CursorRegistry cursors) {
            super(database, name, options, data, meta, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document fieldSelector) {
            Document byId = idCondition(query);
            if (byId == null && query != null && query.size() == 1 && stringsIn(query.get(ID)) != null) {
                byId = query; // _id alone, $in a list: looked up by us too, so that the list is not matched again
            }
            if (byId != null) {
                for (Index<Object> index : getIndexes()) {
                    if (index.isUnique() && index.getKeys().size() == 1
                            && ID.equals(index.getKeys().getFirst().getKey()) && index.canHandle(byId)) {
                        // every document the query matches is among these: the _id condition is one of its conjuncts
                        BY_ID.increment();
                        return matchDocuments(rest(query, byId), index.getPositions(byId), orderBy, skip, limit,
                                batchSize, fieldSelector);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, fieldSelector);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            EXAMINED.increment();
            return super.documentMatchesQuery(document, query);
        }
    }

    /** Documents matched against a query (read for it), by every collection of this backend: for tests. */
    static final java.util.concurrent.atomic.LongAdder EXAMINED = new java.util.concurrent.atomic.LongAdder();

    /**
     * What a document found through the {@code _id} index must still match: the query without its {@code _id}
     * condition when that is an {@code $in} of strings (the index found exactly the documents whose {@code _id} is
     * one of them, as the matcher would: a string's key is the string itself), else the whole query. Matching each
     * of K documents against a list of K ids again made an {@code $in} cost K² comparisons: 20,000 ids in one lease
     * renewal held the outbox for seconds (issue 17). For other ids (numbers, whose keys are normalised) the whole
     * query is matched, as before.
     */
    static Document rest(Document query, Document byId) {
        if (stringsIn(byId.get(ID)) == null) {
            return query;
        }
        if (query.containsKey(ID)) {
            Document rest = new Document(query);
            rest.remove(ID);
            return rest;
        }
        List<Object> others = new java.util.ArrayList<>((List<?>) query.get("$and"));
        others.remove(byId);
        Document rest = new Document(query);
        if (others.isEmpty()) {
            rest.remove("$and"); // MongoDB refuses an empty $and
        } else {
            rest.put("$and", others);
        }
        return rest;
    }

    /** The list of an {@code {$in: [...]}} condition whose every value is a string; null for any other condition. */
    private static List<?> stringsIn(Object condition) {
        if (condition instanceof Document d && d.size() == 1 && d.get("$in") instanceof List<?> values
                && values.stream().allMatch(v -> v instanceof String)) {
            return values;
        }
        return null;
    }

    /**
     * The query's condition on {@code _id} alone, when the query has other conditions too (a query on {@code _id}
     * alone the library already answers through the index): a top-level {@code _id} key, or an {@code _id}-only
     * element of a top-level {@code $and}. Null otherwise.
     */
    static Document idCondition(Document query) {
        if (query == null || query.size() == 1 && query.containsKey(ID)) {
            return null;
        }
        if (query.containsKey(ID)) {
            return new Document(ID, query.get(ID));
        }
        if (query.get("$and") instanceof List<?> all) {
            for (Object part : all) {
                if (part instanceof Document d && d.size() == 1 && d.containsKey(ID)) {
                    return d;
                }
            }
        }
        return null;
    }
}
