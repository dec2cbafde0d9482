package be.buurtstem.bot.service.store;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The backend the server talks to: every command runs on the current H2 backend under the read lock, so that
 * {@link EmbeddedMongo#rewrite()} can take the write lock, close the store, replace its file by a fresh copy of the
 * live data and put a new backend in place while the server (and its port, and the driver's connections) stays up.
 */
final class SwappableBackend implements MongoBackend {
    private final ReentrantReadWriteLock lock;
    private volatile MongoBackend current;
    private volatile MongoVersion version;
    /** Run after each write command, outside the lock, before it is answered (the {@code db} command's sync). */
    private volatile Runnable afterWrite;
    private static final java.util.Set<String> WRITES = java.util.Set.of("insert", "update", "delete",
            "findandmodify", "createindexes", "dropindexes", "drop", "dropdatabase", "create", "renamecollection");

    /** Tests only ({@link EmbeddedMongo#fault}): a command it matches is refused instead of run. */
    private volatile java.util.function.Predicate<Document> fault;

    void fault(java.util.function.Predicate<Document> refuse) {
        this.fault = refuse;
    }

    SwappableBackend(MongoBackend first, ReentrantReadWriteLock lock) {
        this.current = first;
        this.lock = lock;
    }

    void afterWrites(Runnable sync) {
        this.afterWrite = sync;
    }

    private <T> T written(String command, T reply) {
        Runnable sync = afterWrite;
        if (sync != null && command != null && WRITES.contains(command.toLowerCase(java.util.Locale.ROOT))) {
            sync.run();
        }
        return reply;
    }

    /** Only with the write lock held: closes the current backend and its store (the file is then free). */
    void swapOut() {
        current.close();
    }

    /** Only with the write lock held. */
    void swap(MongoBackend next) {
        if (version != null) {
            next.version(version);
        }
        current = next;
    }

    private <T> T read(java.util.function.Supplier<T> call) {
        lock.readLock().lock();
        try {
            return call.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    /**
     * In process, without the wire protocol: the document of {@code collection} with this {@code _id} (through the
     * {@code _id} index), or null; under the read lock, as every command, so that a rewrite never swaps the backend
     * under it. Not a command: no fault injection, no after-write sync (it writes nothing).
     */
    Document byId(String database, String collection, Object id) {
        return read(() -> {
            de.bwaldvogel.mongo.MongoCollection<?> c = current.resolveDatabase(database)
                    .resolveCollection(collection, false);
            if (c == null) {
                return null;
            }
            for (Document d : c.handleQuery(new Document("_id", id))) {
                return d;
            }
            return null;
        });
    }

    @Override
    public void handleClose(Channel channel) {
        read(() -> {
            current.handleClose(channel);
            return null;
        });
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return written(command, read(() -> current.handleCommand(channel, database, command, query)));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return read(() -> current.handleQuery(query));
    }

    @Override
    public Document handleMessage(MongoMessage message) {
        var refuse = fault;
        if (refuse != null && message.getDocument() != null && refuse.test(message.getDocument())) {
            throw new de.bwaldvogel.mongo.exception.MongoServerError(8000, "InjectedFault", "refused by a test");
        }
        Document reply = read(() -> current.handleMessage(message));
        Document body = message.getDocument();
        return written(body == null || body.isEmpty() ? null : body.keySet().iterator().next(), reply);
    }

    @Override
    public void dropDatabase(String database) {
        read(() -> {
            current.dropDatabase(database);
            return null;
        });
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return read(() -> current.getCurrentOperations(query));
    }

    @Override
    public Document getServerStatus() {
        return read(() -> current.getServerStatus());
    }

    @Override
    public void close() {
        read(() -> {
            current.close();
            return null;
        });
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        read(() -> {
            current.closeCursors(cursorIds);
            return null;
        });
    }

    @Override
    public Clock getClock() {
        return current.getClock();
    }

    @Override
    public void enableOplog() {
        current.enableOplog();
    }

    @Override
    public void disableOplog() {
        current.disableOplog();
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return read(() -> current.resolveDatabase(database));
    }

    @Override
    public MongoBackend version(MongoVersion v) {
        this.version = v;
        current.version(v);
        return this;
    }
}
