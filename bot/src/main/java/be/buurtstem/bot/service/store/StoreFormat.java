package be.buurtstem.bot.service.store;

import be.buurtstem.bot.service.privacy.OwnerOnly;
import org.h2.mvstore.Cursor;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * The format of the embedded database file ({@code buurtstem.mv.db}), recorded in its map
 * {@value #FORMAT_MAP} under {@code version}:
 * <ul>
 *   <li>1 (no such map; written up to issue 17): H2's default types, so documents Java-serialized, pages
 *   LZF-compressed;</li>
 *   <li>2: every map's keys and values in {@link BsonValueType}, pages uncompressed.</li>
 * </ul>
 * A file of format 1 is migrated when it is opened: all its maps are copied into a fresh file of format 2 beside it
 * ({@code .migrate}), which is synced and renamed over the old file. A kill at any moment therefore leaves the old
 * file untouched (the half-written copy is deleted at the next start) or the migrated one, never a mix; and the copy
 * holds only live data, so no page of a deleted answer survives the migration. A file of a newer format than this
 * build knows is refused: an older build must not write into it.
 */
final class StoreFormat {
    private static final Logger log = LoggerFactory.getLogger(StoreFormat.class);

    /** No dot in the name: the library's maps all have one ({@code databases.db.coll}, {@code db.coll._index_x}). */
    static final String FORMAT_MAP = "buurtstem-store-format";
    static final int LEGACY = 1;
    static final int CURRENT = 2;
    private static final String VERSION = "version";
    private static final String MIGRATE_SUFFIX = ".migrate";

    /** Tests only: told how many entries a copy has written so far (a test throws from it to stop a migration). */
    static volatile LongConsumer copyProgress;

    private StoreFormat() {
    }

    /** A map of the current format: keys and values in {@link BsonValueType}. */
    static <K, V> MVMap<K, V> openMap(MVStore store, String name) {
        @SuppressWarnings("unchecked")
        MVMap.Builder<K, V> builder = (MVMap.Builder<K, V>) (MVMap.Builder<?, ?>) new MVMap.Builder<Object, Object>()
                .keyType(BsonValueType.INSTANCE).valueType(BsonValueType.INSTANCE);
        return store.openMap(name, builder);
    }

    /**
     * Opens the file for serving (no background auto-commit, new pages uncompressed: LZF cost 4 % of the CPU for
     * pages that are then fsynced in any case, see bot/README.md). A new file is marked with the current format; a
     * file of another format is refused (format 1 is migrated by {@link #migrateIfLegacy} before).
     */
    static MVStore open(Path file) {
        MVStore s = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        try {
            int version = version(s);
            if (version == 0) {
                stamp(s);
            } else if (version != CURRENT) {
                throw refused(file, version);
            }
        } catch (RuntimeException e) {
            s.closeImmediately();
            throw e;
        }
        return s;
    }

    /** 0 for a new, empty file. */
    static int version(MVStore s) {
        if (s.hasMap(FORMAT_MAP)) {
            Object v = s.<String, Object>openMap(FORMAT_MAP).get(VERSION);
            if (v instanceof Integer i) {
                return i;
            }
            throw new IllegalStateException("the embedded database's format marker is damaged: " + v);
        }
        return s.getMapNames().isEmpty() ? 0 : LEGACY;
    }

    private static void stamp(MVStore s) {
        // H2's default type for this one map: it holds a String and an Integer, which it writes natively (no Java
        // serialization), so any later build reads the version before it knows anything else of the file
        s.<String, Object>openMap(FORMAT_MAP).put(VERSION, CURRENT);
    }

    private static IllegalStateException refused(Path file, int version) {
        return new IllegalStateException("the embedded database " + file + " has store format " + version
                + ", this build reads format " + CURRENT + (version > CURRENT
                ? ": it was written by a newer Buurtstem; run that version (or restore a backup made for this one)"
                : ""));
    }

    /**
     * Before the file is opened for serving: deletes a migration a kill interrupted, migrates a format-1 file
     * (true then) and refuses a newer one. The file need not exist.
     */
    static boolean migrateIfLegacy(Path file) throws IOException {
        Path fresh = file.resolveSibling(file.getFileName() + MIGRATE_SUFFIX);
        Files.deleteIfExists(fresh);
        if (!Files.exists(file)) {
            return false;
        }
        // a normal open: it recovers what was committed after the header was last written (a crash)
        MVStore old = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled().open();
        long entries;
        try {
            int version = version(old);
            if (version > CURRENT) {
                throw refused(file, version);
            }
            if (version != LEGACY) {
                old.close();
                return false;
            }
            entries = copy(old, true, fresh);
            old.close();
        } catch (RuntimeException | IOException | Error e) {
            // as a kill would leave it: the old file unchanged (nothing was written to it), the copy not renamed
            old.closeImmediately();
            throw e;
        }
        replace(fresh, file);
        log.info("embedded database migrated to store format {} ({} entries)", CURRENT, entries);
        return true;
    }

    /**
     * Copies the live data of the closed file {@code file} into a fresh one and renames that over it: deleted
     * documents then leave the disk (see {@link EmbeddedMongo#rewrite()}).
     */
    static void rewrite(Path file, Path fresh) throws IOException {
        Files.deleteIfExists(fresh);
        MVStore source = new MVStore.Builder().fileName(file.toString()).readOnly().open();
        try {
            int version = version(source);
            if (version != CURRENT) {
                throw refused(file, version);
            }
            copy(source, false, fresh);
        } catch (RuntimeException | IOException | Error e) {
            Files.deleteIfExists(fresh); // the old file stays the store
            throw e;
        } finally {
            source.closeImmediately(); // read-only: nothing to write
        }
        replace(fresh, file);
    }

    /** Copies every map of {@code source} into a new file of the current format; returns the entries copied. */
    private static long copy(MVStore source, boolean legacy, Path target) throws IOException {
        MVStore out = new MVStore.Builder().fileName(target.toString()).autoCommitDisabled().open();
        long copied = 0;
        try {
            OwnerOnly.file(target);
            for (String name : source.getMapNames()) {
                if (name.equals(FORMAT_MAP)) {
                    continue;
                }
                MVMap<Object, Object> from = legacy ? source.openMap(name) : openMap(source, name);
                MVMap<Object, Object> to = openMap(out, name);
                for (Cursor<Object, Object> c = from.cursor(null); c.hasNext(); ) {
                    Object key = c.next();
                    to.put(key, c.getValue());
                    copied++;
                    LongConsumer progress = copyProgress;
                    if (progress != null) {
                        progress.accept(copied);
                    }
                }
            }
            stamp(out);
            out.commit();
            out.close();
        } catch (RuntimeException | Error e) {
            out.closeImmediately();
            throw e;
        }
        return copied;
    }

    /** Syncs {@code fresh} and renames it over {@code file} (atomic), then syncs the folder. */
    private static void replace(Path fresh, Path file) throws IOException {
        try {
            try (FileChannel ch = FileChannel.open(fresh, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(fresh, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            EmbeddedMongo.forceFolder(file.getParent());
        } finally {
            Files.deleteIfExists(fresh);
        }
    }
}
