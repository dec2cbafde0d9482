package be.buurtstem.bot.it;

import be.buurtstem.analysis.overview.Filter;
import be.buurtstem.bot.service.pages.overview.OverviewService;
import be.buurtstem.bot.service.store.Answers;
import be.buurtstem.bot.service.store.SessionRecord;
import be.buurtstem.bot.service.store.StoredAnswer;
import be.buurtstem.bot.service.survey.SurveyCatalog;
import be.buurtstem.engine.ConversationState;
import be.buurtstem.engine.RespondentContext;
import org.bson.Document;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Not a test: measures the overview on a generated data set (run by hand, see BENCHMARKS.md "Organisers' overview").
 * {@code N} residents of "stellingen" (60 % completed, the others stopped at a random statement), each with its
 * answers (seven smileys, free text after a low one), segment values for area; then the overview computed a few
 * times. Arguments: N (default 100000).
 */
public final class OverviewScale {
    static final List<String> STATEMENTS = List.of("s_safe_night", "s_meeting_places", "s_help_nearby", "s_clean",
            "s_children_play", "s_welcome", "s_heard");
    static final List<String> AREAS = List.of("noord", "zuid", "oost", "west", "centrum", "haven");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path data = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("overview-scale");
        System.out.println("data folder " + data);
        Map<String, Object> p = Harness.properties(data, null);
        p.put("buurtstem.overview.cache", "0s"); // every page load starts a recount: the last count's time is shown
        p.put("buurtstem.retention-unconsented", "24m"); // the generated residents have no consent records
        try (Harness service = Harness.start(p, false)) {
            var survey = service.context.getBean(SurveyCatalog.class).current("stellingen").orElseThrow();
            Instant now = Instant.now();
            ConversationState base = survey.start("nl", new RespondentContext("telegram", Map.of()), now).state();
            long t0 = System.nanoTime();
            if (service.db().getCollection("sessions").countDocuments() < n) {
                generate(service, n, base, now);
            }
            System.out.printf("%d residents, %d answers (generated in %d s)%n", n,
                    service.db().getCollection("answers").countDocuments(), (System.nanoTime() - t0) / 1_000_000_000);
            measure(service);
        }
    }

    static void generate(Harness service, int n, ConversationState base, Instant now) {
        Random random = new Random(42);
        List<Document> respondents = new ArrayList<>();
        List<Document> answers = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String r = "r" + i;
            respondents.add(new Document("_id", r).append("language", "nl")
                    .append("segments", new Document("area", AREAS.get(random.nextInt(AREAS.size())))));
            boolean done = random.nextInt(10) < 6;
            int reached = done ? STATEMENTS.size() : random.nextInt(STATEMENTS.size());
            Instant at = now.minusSeconds(random.nextInt(30 * 86400));
            for (int s = 0; s < reached; s++) {
                int v = 1 + random.nextInt(5);
                String q = STATEMENTS.get(s);
                answers.add(Answers.document(new StoredAnswer(StoredAnswer.idOf(r, "stellingen", 1, q, 0), r,
                        "stellingen", 1, q, 0, "scale", (long) v, Integer.toString(v), "nl", null, q, Map.of(),
                        "telegram", at, at)));
                if (v <= 2) {
                    // marked as coded, so that the service's coding worker leaves them (it is not what is measured)
                    answers.add(Answers.document(new StoredAnswer(StoredAnswer.idOf(r, "stellingen", 1, q + "_why", 0),
                            r, "stellingen", 1, q + "_why", 0, "free_text", "some words " + i, "some words " + i,
                            "nl", null, q, Map.of(), "telegram", at, at)).append("coding", new Document("coder", "none")));
                }
            }
            ConversationState state = new ConversationState(base.questionnaireId(), base.version(), "nl",
                    done ? ConversationState.Status.COMPLETED : random.nextBoolean() ? ConversationState.Status.STOPPED
                            : ConversationState.Status.ACTIVE,
                    done ? null : STATEMENTS.get(reached), 0, base.await(), 0, true, List.of(), List.of(), List.of(),
                    Map.of(), Map.of("channel", "telegram"), at, at);
            SessionRecord session = new SessionRecord(r, "telegram", "stellingen", 1, "nl", state,
                    done ? SessionRecord.COMPLETED : SessionRecord.ACTIVE, List.of(), List.of(), Map.of(), at, at, 0);
            service.store().unit(() -> service.store().saveSession(session, 0)); // written in bulk at the sync
            if (i % 2000 == 1999) {
                service.store().durability().sync();
            }
            if (i % 20000 == 19999) {
                System.out.println("generated " + (i + 1));
            }
            if (respondents.size() == 5000) {
                service.db().getCollection("respondents").insertMany(respondents);
                respondents.clear();
            }
            if (answers.size() >= 20000) {
                service.db().getCollection("answers").insertMany(answers);
                answers.clear();
            }
        }
        if (!respondents.isEmpty()) {
            service.db().getCollection("respondents").insertMany(respondents);
        }
        if (!answers.isEmpty()) {
            service.db().getCollection("answers").insertMany(answers);
        }
        service.store().durability().sync();
    }

    static void measure(Harness service) {
        OverviewService overview = service.context.getBean(OverviewService.class);
        be.buurtstem.bot.service.store.OverviewReads reads = new be.buurtstem.bot.service.store.OverviewReads(service.store());
        int[] count = new int[1];
        long r0 = System.nanoTime();
        reads.segments((r, m) -> count[0]++);
        long r1 = System.nanoTime();
        reads.sessions("stellingen", f -> count[0]++);
        long r2 = System.nanoTime();
        reads.answers("stellingen", f -> count[0]++);
        long r3 = System.nanoTime();
        System.out.printf("reads: respondents %d ms, sessions %d ms, answers %d ms (%d records)%n", (r1 - r0) / 1_000_000,
                (r2 - r1) / 1_000_000, (r3 - r2) / 1_000_000, count[0]);
        for (int round = 0; round < 3; round++) {
            Runtime rt = Runtime.getRuntime();
            long a = System.nanoTime();
            var c = overview.compute("stellingen", Filter.ALL);
            long ms = (System.nanoTime() - a) / 1_000_000;
            System.out.printf("page of %s residents: %d ms (%s; heap used %d MB of max %d MB)%n",
                    c.map(x -> Integer.toString(x.overview().totals().started())).orElse("?"), ms,
                    c.map(x -> "counted in " + x.millis() + " ms").orElse("still counting"),
                    (rt.totalMemory() - rt.freeMemory()) >> 20, rt.maxMemory() >> 20);
            if (c.isEmpty() || round == 0) {
                try {
                    Thread.sleep(c.isEmpty() ? 20_000 : 1_000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
        long a = System.nanoTime();
        overview.compute("stellingen", new Filter(null, "area", "noord"));
        System.out.printf("overview of one area: %d ms%n", (System.nanoTime() - a) / 1_000_000);
        a = System.nanoTime();
        overview.statusCounts();
        System.out.printf("list of questionnaires (status counts): %d ms%n", (System.nanoTime() - a) / 1_000_000);
    }
}
