package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import org.bson.Document;
import org.h2.mvstore.MVStore;

import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test (no timings in tests): a throwaway benchmark of the embedded store's formats, the same run, in turns.
 * Inserts, updates and finds documents shaped like sessions and answers through the MongoDB driver, committing every
 * 50 operations (or as told; the service's group commit, without the fsync), and prints the process CPU per
 * operation and the file size. Formats: "java+lzf" (before issue 17: the library's H2 backend, H2's default types, compressed pages),
 * "bson+lzf" and "bson" (today). Run: {@code java -cp <test classpath> be.buurtstem.bot.service.store.StoreFormatBench}.
 */
public final class StoreFormatBench {
    private static final int DOCS = 5000;
    private static int commitEvery;

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        commitEvery = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        System.out.println("commit every " + commitEvery + " operations");
        System.out.println("load average at start: " + Files.readString(Path.of("/proc/loadavg")).strip());
        for (int round = 0; round <= rounds; round++) {
            for (String format : List.of("java+lzf", "bson+lzf", "bson")) {
                run(format, round == 0);
            }
        }
        System.out.println("load average at end: " + Files.readString(Path.of("/proc/loadavg")).strip());
    }

    private static void run(String format, boolean warmUp) throws Exception {
        Path dir = Files.createTempDirectory("storebench");
        Path file = dir.resolve("b.mv.db");
        MVStore.Builder builder = new MVStore.Builder().fileName(file.toString()).autoCommitDisabled();
        if (format.endsWith("lzf")) {
            builder.compress();
        }
        MVStore store = builder.open();
        MongoBackend backend = format.startsWith("java") ? new H2Backend(store) : new IndexedH2Backend(store);
        MongoServer server = new MongoServer(backend);
        InetSocketAddress address = server.bind();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[] cpu = new long[3];
        try (MongoClient c = MongoClients.create("mongodb://127.0.0.1:" + address.getPort())) {
            MongoCollection<Document> col = c.getDatabase("t").getCollection("sessions");
            col.insertOne(new Document("_id", "warm"));
            long t = os.getProcessCpuTime();
            for (int i = 0; i < DOCS; i++) {
                col.insertOne(session(i, 0));
                commitNow(store, i);
            }
            cpu[0] = os.getProcessCpuTime() - t;
            t = os.getProcessCpuTime();
            for (int i = 0; i < DOCS; i++) {
                col.updateOne(Filters.eq("_id", "tg:" + i), Updates.combine(Updates.set("state", state(i, 1)),
                        Updates.inc("version", 1L)));
                commitNow(store, i);
            }
            cpu[1] = os.getProcessCpuTime() - t;
            t = os.getProcessCpuTime();
            long found = 0;
            for (int i = 0; i < DOCS; i++) {
                found += col.find(Filters.eq("_id", "tg:" + (i * 7 % DOCS))).first() != null ? 1 : 0;
            }
            cpu[2] = os.getProcessCpuTime() - t;
            if (found != DOCS) {
                throw new IllegalStateException("found " + found);
            }
        }
        store.commit();
        server.shutdownNow();
        if (!store.isClosed()) {
            store.close();
        }
        long size = Files.size(file);
        // the live data alone: what the file shrinks to once the housekeeping's compaction (or a rewrite) ran
        Path live = dir.resolve("live.mv.db");
        org.h2.mvstore.MVStoreTool.compact(file.toString(), live.toString(), format.endsWith("lzf"));
        long liveSize = Files.size(live);
        Files.deleteIfExists(live);
        if (!warmUp) {
            System.out.printf("%-9s insert %6.1f µs  update %6.1f µs  find %6.1f µs CPU per op   file %6d KiB"
                    + "  live data %6d KiB%n", format, cpu[0] / 1e3 / DOCS, cpu[1] / 1e3 / DOCS, cpu[2] / 1e3 / DOCS,
                    size / 1024, liveSize / 1024);
        }
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir);
    }

    private static void commitNow(MVStore store, int i) {
        if (i % commitEvery == commitEvery - 1) {
            store.commit();
        }
    }

    private static Document session(int i, int step) {
        return new Document("_id", "tg:" + i).append("resident", "r" + i).append("channel", "telegram")
                .append("questionnaire", "buurt-2026").append("version", 1L)
                .append("state", state(i, step)).append("updatedAt", new java.util.Date());
    }

    private static String state(int i, int step) {
        // the session's state is a JSON string of a few hundred bytes
        return "{\"format\":2,\"node\":\"q" + step + "\",\"answers\":{\"q1\":\"Meer groen in de straat " + i
                + "\",\"q2\":[\"park\",\"speeltuin\"],\"q3\":4},\"expect\":{\"kind\":\"freeText\",\"max\":500},"
                + "\"lang\":\"nl\",\"started\":\"2026-12-01T10:15:30Z\",\"reminders\":0}";
    }
}
