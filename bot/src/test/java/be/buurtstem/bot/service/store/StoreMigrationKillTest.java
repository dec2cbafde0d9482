package be.buurtstem.bot.service.store;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real SIGKILL of a JVM in the middle of migrating a data folder of the old format: the next start finds the old
 * file (the half copy beside it), migrates it and reads every document back.
 */
@Tag("solo")
class StoreMigrationKillTest {
    @Test
    void aKilledMigrationLeavesTheOldStoreAndTheNextStartMigratesIt(@TempDir Path dir) throws Exception {
        List<Document> written = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            written.add(new Document("_id", String.format("a%05d", i)).append("text", "antwoord " + i)
                    .append("n", i));
        }
        StoreFormatTest.writeLegacy(dir, db -> db.getCollection("answers").insertMany(written));

        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Child.class.getName(), dir.toString()).redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && !line.contains("MIGRATING")) {
                // the child's log, until it is half-way
            }
            assertTrue(line != null, "the child got half-way through the migration");
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertTrue(Files.exists(dir.resolve("buurtstem.mv.db.migrate")), "killed with a half copy on disk");

        try (EmbeddedMongo db = EmbeddedMongo.open(dir); MongoClient c = MongoClients.create(db.connectionString())) {
            List<Document> read = c.getDatabase("t").getCollection("answers").find().into(new ArrayList<>());
            read.sort(Comparator.comparing(d -> d.getString("_id")));
            assertEquals(written, read);
        }
        assertFalse(Files.exists(dir.resolve("buurtstem.mv.db.migrate")));
    }

    /** Opens the data folder with a migration that announces itself half-way and then waits to be killed. */
    public static final class Child {
        public static void main(String[] args) throws Exception {
            StoreFormat.copyProgress = copied -> {
                if (copied == 1500) {
                    System.out.println("MIGRATING");
                    System.out.flush();
                    try {
                        Thread.sleep(120_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            EmbeddedMongo.open(Path.of(args[0])).close();
            System.out.println("not killed");
        }
    }
}
