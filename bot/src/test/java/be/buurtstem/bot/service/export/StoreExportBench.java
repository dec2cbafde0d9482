package be.buurtstem.bot.service.export;

import be.buurtstem.bot.service.analyst.AnswerRefs;
import be.buurtstem.bot.service.privacy.RespondentIds;
import be.buurtstem.bot.service.store.EmbeddedMongo;
import be.buurtstem.bot.service.store.Store;
import be.buurtstem.bot.service.store.StoredAnswer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;

import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Not a test: the whole path of an export (the embedded store's cursor, the batches of decisions, the labels, the
 * writer) on N stored answers, with the time and peak heap per format. The answers are stored first (made up, as
 * the conversation stores them: {@link Store#putAnswers}), in a fresh data folder.
 *
 * <pre>java -Xmx256m -cp ... be.buurtstem.bot.service.export.StoreExportBench 200000 /tmp/store-bench</pre>
 */
public final class StoreExportBench {
    private StoreExportBench() {
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 200_000;
        Path dir = Path.of(args.length > 1 ? args[1] : Files.createTempDirectory("store-bench").toString());
        Files.createDirectories(dir);
        try (EmbeddedMongo embedded = EmbeddedMongo.open(dir.resolve("data"));
             MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                     .applyConnectionString(new com.mongodb.ConnectionString(embedded.connectionString()))
                     .applyToSocketSettings(s -> s.connectTimeout(60, java.util.concurrent.TimeUnit.SECONDS))
                     .build())) {
            Store store = new Store(client, "buurtstem", embedded);
            store.createIndexes();
            long t0 = System.nanoTime();
            List<StoredAnswer> batch = new ArrayList<>(1000);
            Instant at = Instant.parse("2026-03-01T10:00:00Z");
            for (long i = 0; i < n; i++) {
                batch.add(answer(i, at.plusMillis(i)));
                if (batch.size() == 1000) {
                    store.putAnswers(batch);
                    batch.clear();
                }
            }
            if (!batch.isEmpty()) {
                store.putAnswers(batch);
            }
            embedded.sync();
            System.out.printf("stored %,d answers in %.1f s; max heap %d MB%n", n, (System.nanoTime() - t0) / 1e9,
                    Runtime.getRuntime().maxMemory() >> 20);
            be.buurtstem.analysis.coding.Codebook codebook = be.buurtstem.analysis.coding.CodebookReader.bundled();
            Exporter exporter = new Exporter(store, AnswerRefs.from(new RespondentIds(new byte[32])), () -> codebook,
                    ExportFormats.standard());
            for (String name : ExportFormats.standard().names()) {
                ExportFormat f = exporter.formats().of(name);
                Path file = dir.resolve("store-bench" + f.extension());
                System.gc();
                List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                        .filter(p -> p.getType() == MemoryType.HEAP).toList();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                long t1 = System.nanoTime();
                long rows;
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    rows = exporter.export(f, ExportFilter.none(), out);
                }
                double s = (System.nanoTime() - t1) / 1e9;
                System.out.printf("%-5s %,d answers from the store in %.1f s (%,.0f answers/s), file %,d MB, "
                                + "peak heap %d MB%n", name, rows, s, rows / s, Files.size(file) >> 20,
                        heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20);
                Files.delete(file);
            }
        }
    }

    static StoredAnswer answer(long i, Instant at) {
        String respondent = String.format("%032x", i / 6);
        Map<String, String> seg = Map.of("area", i % 3 == 0 ? "noord" : "zuid");
        String q = "buurt";
        return switch ((int) (i % 6)) {
            case 0 -> new StoredAnswer(StoredAnswer.idOf(respondent, q, 1, "area", 0), respondent, q, 1, "area", 0,
                    "single_choice", "noord", "Noord", "nl", "area", null, seg, "telegram", at, at);
            case 1 -> new StoredAnswer(StoredAnswer.idOf(respondent, q, 1, "topics", 0), respondent, q, 1, "topics", 0,
                    "multiple_choice", List.of("groen", "verkeer"), "Groen, Verkeer", "nl", null, null, seg, "web", at,
                    at);
            case 2 -> new StoredAnswer(StoredAnswer.idOf(respondent, q, 1, "park", 0), respondent, q, 1, "park", 0,
                    "scale", 4L, "🙂", "nl", null, null, seg, "telegram", at, at);
            case 3 -> new StoredAnswer(StoredAnswer.idOf(respondent, q, 1, "where", 0), respondent, q, 1, "where", 0,
                    "location", Map.of("lat", 50.8466, "lon", 4.3528), "", "nl", null, null, seg, "telegram", at, at);
            case 4 -> new StoredAnswer(StoredAnswer.idOf(respondent, q, 1, "wish", 0), respondent, q, 1, "wish", 0,
                    "free_text", SyntheticSource.ARABIC, SyntheticSource.ARABIC, "ar", null, "wishes", seg, "telegram",
                    at, at);
            default -> new StoredAnswer(StoredAnswer.idOf(respondent, q, 1, "years", 0), respondent, q, 1, "years", 0,
                    "number", 12L, "12", "nl", null, null, seg, "telegram", at, at);
        };
    }
}
