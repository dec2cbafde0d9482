package be.buurtstem.bot.it;

import be.buurtstem.bot.service.coding.CodingService;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The coding worker codes stored answers in batches: many answers cost a few store commands on its thread (before,
 * two per answer: its conditional update and a read of its analysts' decisions), and every answer still gets its own
 * codes, is counted once in saturation, including those that overflowed the in-memory queue and were found by the
 * sweep.
 */
class CodingBatchTest {
    static final Duration WAIT = Duration.ofSeconds(60);
    static final String ANALYST = "analyst-token-for-tests-0123456789";

    @TempDir
    static Path dataDir;
    static FakeTelegram telegram;
    static Harness service;
    static Api api;

    @BeforeAll
    static void start() {
        telegram = new FakeTelegram();
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.analyst-token", ANALYST);
        p.put("buurtstem.coding.tick-interval", "200ms");
        p.put("buurtstem.coding.queue-capacity", "100");
        p.put("buurtstem.coding.folds", "2");
        p.put("buurtstem.coding.iterations", "20");
        p.put("buurtstem.coding.seed-languages", "nl");
        p.put("buurtstem.coding.retrain-after", "100000");
        service = Harness.start(p, TestSurveys.class, StoreCommands.class);
        api = new Api(service);
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
        if (telegram != null) {
            telegram.close();
        }
    }

    @Test
    void manyAnswersAreCodedInAFewCommandsAndEachKeepsItsOwnCodes() throws Exception {
        int count = 150; // 100 fit the queue, 50 overflow and wait in the database for the sweep
        List<String> dirty = new ArrayList<>();
        List<String> noisy = new ArrayList<>();
        CodingService coding = service.context.getBean(CodingService.class);
        Instant at = Instant.now();
        long before;
        try (AutoCloseable held = coding.hold()) {
            for (int i = 0; i < count; i++) {
                boolean park = i % 2 == 0;
                String id = Api.simulate(service, "batch-" + i, "batch",
                        park ? "Het park is vuil en er ligt overal zwerfvuil." : "Te veel lawaai 's nachts.",
                        "noord", at.plusMillis(i));
                (park ? dirty : noisy).add(id);
            }
            Thread.sleep(500); // the worker is held at its first batch: nothing is coded yet
            assertTrue(dirty.stream().noneMatch(id -> Api.coded(service, id)), "held: nothing coded");
            before = StoreCommands.sentBy("coding"::equals);
        }
        List<String> all = new ArrayList<>(dirty);
        all.addAll(noisy);
        Harness.await("all coded", WAIT, () -> all.stream().allMatch(id -> Api.coded(service, id)));
        long commands = StoreCommands.sentBy("coding"::equals) - before;
        System.out.printf("coding: %d answers coded with %d store commands on the worker's thread%n", count, commands);
        // each answer has the codes of its own text, not its batch neighbour's
        for (String id : dirty) {
            assertTrue(themes(id).contains("cleanliness"), id + " " + themes(id));
        }
        for (String id : noisy) {
            assertTrue(themes(id).contains("noise"), id + " " + themes(id));
            assertTrue(!themes(id).contains("cleanliness"), id + " " + themes(id));
        }
        // counted once each in the questionnaire's saturation state
        Harness.await("all counted", WAIT, () -> api.get("/api/organiser/saturation/batch", ANALYST).json()
                .path("answers").asInt() == count);
        Thread.sleep(500);
        assertEquals(count, api.get("/api/organiser/saturation/batch", ANALYST).json().path("answers").asInt());
        // one by one this was 560 commands for these 150 answers (load/results-speed-20261202.md); in batches of up
        // to 256, a few per batch
        assertTrue(commands > 0, "the counter hears the coding worker (otherwise the bound below proves nothing)");
        assertTrue(commands <= count / 5, "store commands on the coding thread for " + count + " answers: " + commands);
    }

    private static Set<String> themes(String id) {
        Set<String> out = new HashSet<>();
        for (Document c : Api.answer(service, id).getList("codes", Document.class)) {
            out.add(c.getString("theme"));
        }
        return out;
    }
}
