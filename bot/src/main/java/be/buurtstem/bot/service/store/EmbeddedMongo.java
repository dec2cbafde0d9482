package be.buurtstem.bot.service.store;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The embedded MongoDB-compatible server: mongo-java-server with its H2 MVStore backend in one file, listening on
 * 127.0.0.1 only. H2's own background auto-commit is switched off: a commit is taken only between two commands
 * (so a recovered file never holds half a command), by {@link #sync()} (group commit: every caller waiting at the
 * same moment shares one commit and one fsync) and every second by a housekeeping tick. Writes run through
 * {@link #together} are never split by a commit.
 */
public final class EmbeddedMongo implements Durability, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    private final MVStore store;
    private final MongoServer server;
    private final InetSocketAddress address;
    private final ReentrantReadWriteLock commandLock = new ReentrantReadWriteLock();
    /** Held shared by {@link #together} groups and exclusively by a commit, so that no commit splits a group. */
    private final ReentrantReadWriteLock groupLock = new ReentrantReadWriteLock();
    private final ThreadLocal<int[]> groupDepth = ThreadLocal.withInitial(() -> new int[1]);
    private final ReentrantLock syncLock = new ReentrantLock();
    private final Condition syncDone = syncLock.newCondition();
    private final Condition syncWanted = syncLock.newCondition();
    private long requested;
    private long completed;
    private RuntimeException lastFailure;
    private volatile boolean running = true;
    private final Thread committer;

    private EmbeddedMongo(Path file) {
        this.store = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().compress().open();
        H2Backend backend = new H2Backend(store) {
            @Override
            public QueryResult handleQuery(MongoQuery query) {
                commandLock.readLock().lock();
                try {
                    return super.handleQuery(query);
                } finally {
                    commandLock.readLock().unlock();
                }
            }

            @Override
            public Document handleMessage(MongoMessage message) {
                commandLock.readLock().lock();
                try {
                    return super.handleMessage(message);
                } finally {
                    commandLock.readLock().unlock();
                }
            }
        };
        this.server = new MongoServer(backend);
        server.bind("127.0.0.1", 0); // loopback only: nothing outside this machine can reach the embedded store
        this.address = server.getLocalAddress();
        this.committer = Thread.ofPlatform().name("embedded-mongo-committer").daemon(true).start(this::commitLoop);
    }

    /** Opens (or creates) {@code dataDir/buurtstem.mv.db} and serves it on a free loopback port. */
    public static EmbeddedMongo open(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create data folder " + dataDir, e);
        }
        return new EmbeddedMongo(dataDir.resolve("buurtstem.mv.db"));
    }

    public String connectionString() {
        return "mongodb://127.0.0.1:" + address.getPort();
    }

    @Override
    public <T> T together(java.util.function.Supplier<T> writes) {
        groupLock.readLock().lock();
        groupDepth.get()[0]++;
        try {
            return writes.get();
        } finally {
            groupDepth.get()[0]--;
            groupLock.readLock().unlock();
        }
    }

    @Override
    public void sync() {
        int depth = groupDepth.get()[0];
        if (depth == 0) {
            commitNow();
            return;
        }
        // asked inside a group: let the commit in (it would wait for this group forever), then go on with the group
        for (int i = 0; i < depth; i++) {
            groupLock.readLock().unlock();
        }
        try {
            commitNow();
        } finally {
            for (int i = 0; i < depth; i++) {
                groupLock.readLock().lock();
            }
        }
    }

    private void commitNow() {
        syncLock.lock();
        try {
            if (!running) {
                throw new IllegalStateException("embedded database is closed");
            }
            long ticket = ++requested;
            syncWanted.signal();
            while (completed < ticket) {
                if (!running) {
                    throw new IllegalStateException("embedded database closed before commit");
                }
                syncDone.awaitUninterruptibly();
            }
            if (lastFailure != null && completed == ticket) {
                throw lastFailure;
            }
        } finally {
            syncLock.unlock();
        }
    }

    private void commitLoop() {
        while (running) {
            long target;
            syncLock.lock();
            try {
                if (requested == completed) {
                    try {
                        syncWanted.await(1, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                target = requested;
            } finally {
                syncLock.unlock();
            }
            RuntimeException failure = null;
            try {
                commitAndSync();
            } catch (RuntimeException e) {
                failure = e;
                log.error("embedded database commit failed", e);
            }
            syncLock.lock();
            try {
                lastFailure = failure;
                completed = Math.max(completed, target);
                syncDone.signalAll();
            } finally {
                syncLock.unlock();
            }
        }
    }

    /**
     * Rewrites sparse chunks so the file does not grow without end (H2 does this in its background writer, which
     * is off here). Called now and then by the housekeeping; commits like any other write.
     */
    public void compact() {
        groupLock.writeLock().lock();
        commandLock.writeLock().lock();
        try {
            if (store.getFillRate() < 60) {
                store.compact(60, 16 * 1024 * 1024);
            }
        } finally {
            commandLock.writeLock().unlock();
            groupLock.writeLock().unlock();
        }
        sync();
    }

    private void commitAndSync() {
        groupLock.writeLock().lock();
        commandLock.writeLock().lock();
        try {
            if (!store.hasUnsavedChanges()) {
                return;
            }
            store.commit();
        } finally {
            commandLock.writeLock().unlock();
            groupLock.writeLock().unlock();
        }
        store.sync();
    }

    @Override
    public void close() {
        syncLock.lock();
        try {
            running = false;
            syncWanted.signalAll();
            syncDone.signalAll();
        } finally {
            syncLock.unlock();
        }
        try {
            committer.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.shutdownNow();
        commandLock.writeLock().lock();
        try {
            if (!store.isClosed()) {
                store.commit();
                store.close();
            }
        } finally {
            commandLock.writeLock().unlock();
        }
    }
}
