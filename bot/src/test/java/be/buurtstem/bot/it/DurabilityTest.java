package be.buurtstem.bot.it;

import be.buurtstem.bot.service.store.EmbeddedMongo;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hard-kill harness: a child JVM inserts and acknowledges documents; after 2,000 acknowledgements it is killed
 * with SIGKILL; the store is opened again and every acknowledged document must be there. The library's own H2
 * backend is measured the same way for comparison (it commits in the background and loses acknowledged writes).
 */
@org.junit.jupiter.api.Tag("solo") // runs alone: see bot/pom.xml
class DurabilityTest {
    static final int ACKS = 2000;

    record Outcome(int acknowledged, int survived, double perSecond) {
    }

    @Test
    void everyAcknowledgedInsertSurvivesAHardKill(@TempDir Path dir) throws Exception {
        Outcome o = run(dir.resolve("sync"), "sync", 8);
        System.out.printf("DURABILITY group commit: %d acknowledged, %d survived SIGKILL, %.0f acknowledged inserts/s%n",
                o.acknowledged(), o.survived(), o.perSecond());
        assertTrue(o.acknowledged() >= ACKS);
        assertEquals(o.acknowledged(), o.survived(), "every acknowledged insert is on disk");
    }

    @Test
    void theLibrarysBackgroundCommitForComparison(@TempDir Path dir) throws Exception {
        Outcome o = run(dir.resolve("plain"), "plain", 8);
        System.out.printf("DURABILITY plain H2 backend: %d acknowledged, %d survived SIGKILL, %.0f inserts/s%n",
                o.acknowledged(), o.survived(), o.perSecond());
        assertTrue(o.acknowledged() >= ACKS); // measured, not asserted: it loses writes, which is why we commit
    }

    static Outcome run(Path dir, String mode, int threads) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                DurabilityChild.class.getName(), dir.toString(), mode, String.valueOf(threads))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        Set<Long> acked = new HashSet<>();
        long start = 0;
        long end;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.equals("READY")) {
                    start = System.nanoTime();
                } else if (line.startsWith("ACK ")) {
                    acked.add(Long.parseLong(line.substring(4)));
                    if (acked.size() >= ACKS) {
                        break;
                    }
                }
            }
            end = System.nanoTime();
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no close
            assertTrue(p.waitFor(30, TimeUnit.SECONDS));
        }
        double perSecond = acked.size() / ((end - start) / 1e9);
        int survived;
        try (EmbeddedMongo reopened = EmbeddedMongo.open(dir);
             MongoClient client = MongoClients.create(reopened.connectionString())) {
            List<Long> ids = new ArrayList<>(acked);
            survived = (int) client.getDatabase("buurtstem").getCollection("acks")
                    .countDocuments(Filters.in("_id", ids));
        }
        return new Outcome(acked.size(), survived, perSecond);
    }
}
