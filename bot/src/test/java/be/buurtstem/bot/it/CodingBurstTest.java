package be.buurtstem.bot.it;

import be.buurtstem.bot.service.coding.CodingService;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import tools.jackson.databind.JsonNode;
import org.bson.Document;
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
 * Issue 17's coding target, as behaviour: a burst of answers far beyond the in-memory queue is coded exactly once
 * each, in batches (a few store commands per batch on the worker, not per answer), and counted once in saturation;
 * a service stopped with answers still uncoded codes them after its restart and counts every answer once. The
 * totals are read the way a progress poll reads them ({@code size=0}: the total only).
 */
class CodingBurstTest {
    static final Duration WAIT = Duration.ofSeconds(120);
    static final String ANALYST = "analyst-token-for-tests-0123456789";
    static final String PARK = "Het park is vuil en er ligt overal zwerfvuil.";
    static final String NOISE = "Te veel lawaai 's nachts.";

    @TempDir
    Path dataDir;

    private static Harness start(Path dataDir, FakeTelegram telegram) {
        Map<String, Object> p = Harness.properties(dataDir, telegram);
        p.put("buurtstem.analyst-token", ANALYST);
        p.put("buurtstem.coding.tick-interval", "200ms");
        p.put("buurtstem.coding.folds", "2");
        p.put("buurtstem.coding.iterations", "20");
        p.put("buurtstem.coding.seed-languages", "nl");
        p.put("buurtstem.coding.retrain-after", "100000");
        return Harness.start(p, TestSurveys.class, StoreCommands.class);
    }

    /** Stores answers {@code from..to-1} of respondents {@code prefix-i} in writes of 250, each handed to coding. */
    private static List<String> store(Harness service, String prefix, int from, int to) {
        Store store = service.context.getBean(Store.class);
        CodingService coding = service.context.getBean(CodingService.class);
        Instant at = Instant.now();
        List<String> ids = new ArrayList<>();
        List<StoredAnswer> chunk = new ArrayList<>();
        for (int i = from; i < to; i++) {
            String respondent = prefix + "-" + i;
            String id = respondent + ":batch:1:wish:0";
            String text = i % 2 == 0 ? PARK : NOISE;
            chunk.add(new StoredAnswer(id, respondent, "batch", 1, "wish", 0, "free_text", text, text, "nl", null,
                    "wishes", Map.of("area", i % 3 == 0 ? "noord" : "zuid"), "telegram", at.plusMillis(i),
                    at.plusMillis(i)));
            ids.add(id);
            if (chunk.size() == 250 || i == to - 1) {
                store.putAnswers(chunk);
                chunk.forEach(coding::answerStored);
                chunk = new ArrayList<>();
            }
        }
        return ids;
    }

    /** The analyst API's total (only the uncoded ones), as a progress poll asks: {@code size=0}, no answers. */
    private static long total(Api api, boolean uncoded) {
        Api.Reply r = api.get("/api/analyst/answers?questionnaire=batch&size=0&uncoded=" + uncoded, ANALYST);
        assertEquals(200, r.status(), r.body());
        JsonNode n = r.json();
        assertEquals(0, n.path("answers").size(), "size=0 gives the total only: " + r.body());
        return n.path("total").asLong();
    }

    private static int counted(Api api) {
        return api.get("/api/organiser/saturation/batch", ANALYST).json().path("answers").asInt();
    }

    private static long codedSinceStart(Harness service) {
        return ((Number) service.context.getBean(CodingService.class).status().get("coded_since_start")).longValue();
    }

    @Test
    void aBurstOfFiveThousandIsCodedOnceEachInBatches() throws Exception {
        int count = 5000; // five times the in-memory queue: 4,000 wait in the database for the sweep
        try (FakeTelegram telegram = new FakeTelegram(); Harness service = start(dataDir, telegram)) {
            Api api = new Api(service);
            CodingService coding = service.context.getBean(CodingService.class);
            List<String> ids;
            long commandsBefore;
            try (AutoCloseable held = coding.hold()) {
                ids = store(service, "burst", 0, count);
                Thread.sleep(300);
                assertEquals(count, total(api, false));
                assertEquals(count, total(api, true), "held: none coded yet");
                commandsBefore = StoreCommands.sentBy("coding"::equals);
            }
            Harness.await("all coded", WAIT, () -> total(api, true) == 0);
            long commands = StoreCommands.sentBy("coding"::equals) - commandsBefore;
            assertEquals(count, total(api, false));
            Harness.await("all counted", WAIT, () -> counted(api) == count);
            Thread.sleep(600); // three more ticks: a second coding of any answer would show now
            assertEquals(count, counted(api), "each answer counted once in saturation");
            assertEquals(count, codedSinceStart(service), "each answer coded once");
            // each answer carries the codes of its own text, not a batch neighbour's
            for (int i = 0; i < count; i += 499) {
                Set<String> themes = themes(service, ids.get(i));
                assertTrue(themes.contains(i % 2 == 0 ? "cleanliness" : "noise"), ids.get(i) + " " + themes);
            }
            // in batches of up to 256: a few commands per batch (one by one it was about four per answer)
            System.out.printf("coding: %d answers in a burst coded with %d store commands on the worker%n", count,
                    commands);
            assertTrue(commands > 0, "the counter hears the coding worker");
            assertTrue(commands <= count / 20, "store commands on the coding thread for " + count + ": " + commands);
        }
    }

    @Test
    void aServiceStoppedMidwayCodesTheRestAfterItsRestartAndCountsEachOnce() throws Exception {
        int first = 600;
        int second = 1400;
        try (FakeTelegram telegram = new FakeTelegram()) {
            try (Harness service = start(dataDir, telegram)) {
                Api api = new Api(service);
                store(service, "before", 0, first);
                Harness.await("the first answers coded", WAIT, () -> total(api, true) == 0
                        && total(api, false) == first);
                // held and never released: the service stops before the worker gets to the later answers
                service.context.getBean(CodingService.class).hold();
                store(service, "after", first, first + second);
                assertEquals(second, total(api, true), "held: the later answers wait");
            }
            try (Harness again = start(dataDir, telegram)) {
                Api api = new Api(again);
                Harness.await("coded after the restart", WAIT, () -> total(api, true) == 0);
                assertEquals(first + second, total(api, false));
                Harness.await("all counted", WAIT, () -> counted(api) == first + second);
                Thread.sleep(600);
                assertEquals(first + second, counted(api), "each answer counted once after the restart");
                assertEquals(second, codedSinceStart(again), "the restart coded only what was left");
            }
        }
    }

    private static Set<String> themes(Harness service, String id) {
        Set<String> out = new HashSet<>();
        for (Document c : Api.answer(service, id).getList("codes", Document.class)) {
            out.add(c.getString("theme"));
        }
        return out;
    }
}
