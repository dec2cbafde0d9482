package be.buurtstem.bot.it;

import be.buurtstem.bot.service.accounts.Role;
import be.buurtstem.bot.service.coding.CodingService;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test: measures the analysts' answers page and review queue on N generated free-text answers (run by hand,
 * see BENCHMARKS.md "Analysts' pages"). The answers are stored as the conversation stores them and coded by the
 * service's worker; then each page is loaded a few times. Arguments: N (default 10000).
 */
public final class AnalystPagesScale {
    static final String[] TEXTS = {"Het park is vuil en er ligt overal zwerfvuil.", "De huur is veel te duur.",
            "Te veel auto's die te snel rijden.", "Ik voel me 's avonds niet veilig.", "Meer bomen in de straat.",
            "Le parc est sale.", "الحديقة متسخة جدا", "Goedemorgen."};

    /** Stores a batch and hands it to the coder, as the conversation does. */
    static void stored(Harness service, Store store, List<StoredAnswer> batch) {
        store.putAnswers(batch);
        CodingService coding = service.context.getBean(CodingService.class);
        batch.forEach(coding::answerStored);
        batch.clear();
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Path data = Files.createTempDirectory("analyst-scale");
        Map<String, Object> p = Harness.properties(data, null);
        p.put("buurtstem.coding.tick-interval", "200ms"); // a full coding queue leaves the rest to the next sweep
        try (Harness service = Harness.start(p)) {
            PageUsers.create(service, "anna", "a long password for the scale run", Role.ANALYST);
            Store store = service.context.getBean(Store.class);
            Instant t0 = Instant.now().minusSeconds(n);
            List<StoredAnswer> batch = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String r = "scale-" + i;
                batch.add(new StoredAnswer(StoredAnswer.idOf(r, "buurt", 1, "wish", 0), r, "buurt", 1, "wish", 0,
                        "free_text", TEXTS[i % TEXTS.length] + " " + i, TEXTS[i % TEXTS.length] + " " + i,
                        i % TEXTS.length == 6 ? "ar" : "nl", null, "wishes", Map.of("area", i % 2 == 0 ? "noord" : "zuid"),
                        "telegram", t0.plusSeconds(i), t0.plusSeconds(i)));
                if (batch.size() == 500) {
                    stored(service, store, batch);
                }
            }
            stored(service, store, batch);
            long c0 = System.nanoTime();
            Harness.await("all coded", java.time.Duration.ofMinutes(30), () -> service.db().getCollection("answers")
                    .countDocuments(com.mongodb.client.model.Filters.exists("coding", true)) >= n);
            System.out.printf("%d answers stored and coded (%d s)%n", n, (System.nanoTime() - c0) / 1_000_000_000);
            PageClient anna = new PageClient(service, "en");
            anna.signIn("anna", "a long password for the scale run");
            for (String path : List.of("/analyst/answers", "/analyst/answers?theme=housing&segment=area%3Dzuid&page=3",
                    "/analyst/review/queue", "/analyst/review")) {
                for (int round = 0; round < 3; round++) {
                    long t = System.nanoTime();
                    PageClient.Page page = anna.get(path);
                    System.out.printf("%s: %d in %d ms%n", path, page.status(), (System.nanoTime() - t) / 1_000_000);
                }
            }
            Runtime rt = Runtime.getRuntime();
            System.out.printf("heap used %d MB of %d MB%n", (rt.totalMemory() - rt.freeMemory()) >> 20,
                    rt.maxMemory() >> 20);
        }
    }
}
