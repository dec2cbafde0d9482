package be.buurtstem.bot.service.store;

import be.buurtstem.bot.service.ops.Metrics;
import de.bwaldvogel.mongo.MongoServer;
import be.buurtstem.bot.service.privacy.OwnerOnly;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
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
 * {@link #together} are never split by a commit. After a deletion, {@link #rewrite()} replaces the file by a copy
 * of the live data only, so deleted documents leave the disk. The file's format (compact BSON values, uncompressed
 * pages, and the migration of older files) is {@link StoreFormat}'s.
 */
public final class EmbeddedMongo implements Durability, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(EmbeddedMongo.class);

    /**
     * In the data folder while a deletion has not yet been erased from the files ({@code privacy.Erasure} writes and
     * removes it); when it is there at start, the file is rewritten before anything is served.
     */
    public static final String PENDING = "erasure.pending";
    private static final String REWRITE_SUFFIX = ".rewrite";

    private final Path file;
    private volatile MVStore store;
    private final SwappableBackend backend;
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
    /** When the committer may take its next compaction step ({@link #compactStep}); only the committer reads it. */
    private long nextCompactionStep = System.nanoTime();

    /**
     * The compaction the committer does as it goes: at most one step a second, and only while the chunks are less
     * than {@value #STEP_FILL_RATE} % live, each step rewriting at most {@value #STEP_BYTES} bytes of live pages.
     * Every commit writes a new chunk and leaves the pages it replaced dead in older ones; H2 rewrites sparse chunks
     * in its background writer, which is off here, so without these steps the file grew by gigabytes under load
     * (3.1 GB for 60,000 respondents; BENCHMARKS.md) until the hourly {@link #compact}. A chunk emptied this way is
     * reused for new chunks once H2's retention time has passed, so the file stops growing instead of being
     * rewritten. A step runs under the commit's locks, so commands wait for it: its time is
     * {@code buurtstem_store_compaction_seconds}.
     */
    static final int STEP_FILL_RATE = 50;
    /**
     * How long a chunk with no live page left is kept before its space is written over (H2's retention time; its
     * default, 45 s, is for files that are not synced). Every commit here is fsynced before it is acknowledged, so a
     * few seconds are enough, and at the ~10 MB/s a seeding load writes, 45 s kept ~450 MB of dead chunks untouchable.
     */
    static final int RETENTION_MILLIS = 5_000;
    private final int retentionMillis;
    static final int STEP_BYTES = 2 * 1024 * 1024;

    private EmbeddedMongo(Path file, String host, int port, boolean durableWrites, int retentionMillis) {
        this.file = file;
        this.retentionMillis = retentionMillis;
        this.store = openStore(file);
        store.setRetentionTime(retentionMillis);
        this.backend = new SwappableBackend(new IndexedH2Backend(store), commandLock);
        if (durableWrites) {
            backend.afterWrites(this::sync);
        }
        this.server = new MongoServer(backend);
        this.committer = Thread.ofPlatform().name("embedded-mongo-committer").daemon(true).start(this::commitLoop);
        try {
            server.bind(host, port);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        this.address = server.getLocalAddress();
    }

    private static MVStore openStore(Path file) {
        MVStore s = StoreFormat.open(file);
        OwnerOnly.file(file);
        return s;
    }

    /** Opens (or creates) {@code dataDir/buurtstem.mv.db} and serves it on a free loopback port, to this process. */
    public static EmbeddedMongo open(Path dataDir) {
        // loopback only: nothing outside this machine can reach the embedded store; this process syncs
        return new EmbeddedMongo(prepare(dataDir), "127.0.0.1", 0, false, RETENTION_MILLIS);
    }

    /** Tests only: with another retention time, so that a test sees space reused within seconds. */
    static EmbeddedMongo open(Path dataDir, int retentionMillis) {
        return new EmbeddedMongo(prepare(dataDir), "127.0.0.1", 0, false, retentionMillis);
    }

    /**
     * The store on its own (the {@code db} command), for {@code serve} instances that reach it through
     * {@code MONGODB_URI} and cannot call {@link #sync()}: every write command is on disk before it is answered,
     * as a MongoDB with a journaled write concern does (group commit: writes of several connections arriving
     * together share one fsync).
     */
    public static EmbeddedMongo serve(Path dataDir, String host, int port) {
        return new EmbeddedMongo(prepare(dataDir), host, port, true, RETENTION_MILLIS);
    }

    private static Path prepare(Path dataDir) {
        try {
            OwnerOnly.folder(dataDir);
        } catch (RuntimeException e) {
            throw new IllegalStateException("cannot create data folder " + dataDir, e);
        }
        Path file = dataDir.resolve("buurtstem.mv.db");
        try {
            // a rewrite a crash interrupted is stale: the file it was made from is still in place
            Files.deleteIfExists(file.resolveSibling(file.getFileName() + REWRITE_SUFFIX));
            // a file written before issue 17 (Java-serialized, compressed) is copied into today's format first
            StoreFormat.migrateIfLegacy(file);
            if (Files.exists(dataDir.resolve(PENDING)) && Files.exists(file)) {
                // deleted before a stop or a crash, not yet rewritten: done before anything is served. Opened and
                // closed first: a normal open recovers the chunks written after the file header was last updated (a
                // crash), which the read-only open of the copy would not see; the clean close records them.
                openStore(file).close();
                rewriteClosed(file);
                log.info("embedded database rewritten at start (a deletion was pending)");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot rewrite the embedded database " + file, e);
        }
        return file;
    }

    /**
     * Replaces the database file by a fresh one holding only the live data, while the server stays up: commands wait
     * meanwhile (the write lock), then run on the new file. An MVStore never overwrites a chunk in place and its
     * compaction only moves live pages, so the bytes of deleted documents stay in the file (in old chunks and in freed
     * space) until the file itself is replaced; the current version of every map is copied into a new file, which is
     * synced and renamed over the old one (atomic), whose blocks are thereby released ({@link StoreFormat#rewrite}: a
     * typed copy, since H2's own MVStoreTool.compact knows nothing of our value type). Cursors open across the swap are
     * lost (a reader then gets an error and retries).
     */
    public void rewrite() {
        groupLock.writeLock().lock(); // a rewrite commits, so it must not split a group of writes either
        commandLock.writeLock().lock();
        try {
            if (!running) {
                throw new IllegalStateException("embedded database is closed");
            }
            MVStore old = store;
            old.commit();
            old.sync();
            backend.swapOut();
            try {
                rewriteClosed(file);
            } finally {
                // the new file on success, the untouched old one otherwise: the service goes on either way
                store = openStore(file);
                store.setRetentionTime(retentionMillis);
                backend.swap(new IndexedH2Backend(store));
            }
        } catch (IOException e) {
            throw new IllegalStateException("embedded database rewrite failed", e);
        } finally {
            commandLock.writeLock().unlock();
            groupLock.writeLock().unlock();
        }
    }

    /** The file must be closed. Copies its live data into a fresh file, syncs it and renames it over the old one. */
    private static void rewriteClosed(Path file) throws IOException {
        StoreFormat.rewrite(file, file.resolveSibling(file.getFileName() + REWRITE_SUFFIX));
    }

    /** Syncs a folder, so that a file created, renamed or removed in it stays so after a power cut. */
    public static void forceFolder(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // some file systems cannot sync a folder; the rename is then as durable as they make it
        }
    }

    /**
     * Tests only: every command {@code refuse} matches (its body: {@code {update: "answers", ...}}) is refused with
     * an error, as a store that fails writes does; null takes the fault away.
     */
    void fault(java.util.function.Predicate<de.bwaldvogel.mongo.bson.Document> refuse) {
        backend.fault(refuse);
    }

    /** In process, for {@link Store#readInProcess}: a document by its {@code _id}, or null (SwappableBackend#byId). */
    de.bwaldvogel.mongo.bson.Document byId(String database, String collection, Object id) {
        return backend.byId(database, collection, id);
    }

    public String connectionString() {
        return "mongodb://" + address.getAddress().getHostAddress() + ":" + address.getPort();
    }

    public InetSocketAddress address() {
        return address;
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

    /** Under the commit's locks, right after a commit: see {@link #STEP_FILL_RATE}. */
    private void compactStep(MVStore s) {
        long now = System.nanoTime();
        if (now - nextCompactionStep < 0) {
            return;
        }
        nextCompactionStep = now + TimeUnit.SECONDS.toNanos(1);
        if (s.getFileStore().getChunksFillRate() >= STEP_FILL_RATE) {
            return;
        }
        // H2 marks the live pages of the chunks it picks as changed; the commit writes them into a new chunk
        if (s.compact(STEP_FILL_RATE, STEP_BYTES) && s.hasUnsavedChanges()) {
            s.commit();
        }
        Metrics.storeCompaction(now);
    }

    private void commitAndSync() {
        long start = System.nanoTime();
        MVStore s;
        groupLock.writeLock().lock();
        commandLock.writeLock().lock();
        try {
            s = store;
            if (!s.hasUnsavedChanges()) {
                return;
            }
            s.commit();
            compactStep(s);
        } finally {
            commandLock.writeLock().unlock();
            groupLock.writeLock().unlock();
        }
        try {
            s.sync();
            Metrics.storeSync(start);
        } catch (IllegalStateException closed) {
            if (!s.isClosed()) {
                throw closed;
            }
            // a rewrite replaced the store meanwhile; it synced this commit into the new file before the rename
        }
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
            MVStore store = this.store;
            if (!store.isClosed()) {
                store.commit();
                store.close();
            }
        } finally {
            commandLock.writeLock().unlock();
        }
    }
}
