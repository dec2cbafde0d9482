package be.buurtstem.bot.service.export.qdpx;

import be.buurtstem.analysis.coding.Codebook;
import be.buurtstem.analysis.coding.CodebookReader;

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
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Not a test: measures the .qdpx writer on N synthetic answers (two per respondent, texts of chat length in five
 * languages, 0-3 themes each, three variables) generated afresh in each of the writer's passes, so only what the
 * writer itself keeps is on the heap. Prints the time, the zip's size and the peak heap (the heap pools' peak
 * usage). Run with a small heap to show it streams (BENCHMARKS.md "REFI-QDA export"):
 * <pre>
 * java -Xmx64m -cp CLASSPATH be.buurtstem.bot.service.export.qdpx.QdpxHeapHarness 1000000
 * </pre>
 */
public final class QdpxHeapHarness {
    static final String[] TEXTS = {"Het park is vuil en er ligt overal zwerfvuil.",
            "Il y a trop de voitures qui roulent vite dans notre rue.", "الحديقة متسخة 🌳 ونريد مساكن أرخص",
            "Sokakta oynayacak yer yok, çocuklar dışarı çıkamıyor.", "The rent is far too high for families here."};
    static final String[] LANGUAGES = {"nl", "fr", "ar", "tr", "en"};

    record Synthetic(long answers, Codebook codebook) implements QdpxSource {
        @Override
        public String projectName() {
            return "Buurtstem: synthetic";
        }

        @Override
        public Codebook codebook() {
            return codebook;
        }

        @Override
        public String codeLanguage() {
            return "en";
        }

        @Override
        public void eachRespondent(Consumer<RespondentAnswers> action) {
            List<String> themes = codebook.themeIds();
            SplittableRandom random = new SplittableRandom(42);
            Instant t0 = Instant.parse("2026-11-01T00:00:00Z");
            long given = 0;
            for (long r = 0; given < answers; r++) {
                String respondent = Long.toHexString(r * 0x9E3779B97F4A7C15L) + "-" + r;
                int lang = random.nextInt(LANGUAGES.length);
                List<CodedAnswer> list = new ArrayList<>(2);
                for (int i = 0; i < 2 && given < answers; i++, given++) {
                    List<AppliedTheme> applied = new ArrayList<>();
                    int n = random.nextInt(4);
                    for (int k = 0; k < n; k++) {
                        String theme = themes.get(random.nextInt(themes.size()));
                        if (applied.stream().noneMatch(a -> a.theme().equals(theme))) {
                            applied.add(new AppliedTheme(theme, k == 0 && random.nextInt(10) == 0 ? "analyst"
                                    : "coder: combined", t0.plusSeconds(given)));
                        }
                    }
                    list.add(new CodedAnswer(respondent + ":synthetic:1:q" + i + ":0", "q" + i,
                            TEXTS[lang] + " (" + given + ")", t0.plusSeconds(given), applied));
                }
                action.accept(new RespondentAnswers(respondent, "synthetic", Map.of("language", LANGUAGES[lang],
                        "area", "area-" + random.nextInt(12), "age_band", (20 + 10 * random.nextInt(6)) + "s"), list));
            }
        }
    }

    public static void main(String[] args) throws Exception {
        long n = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        Synthetic source = new Synthetic(n, CodebookReader.bundled());
        Path file = Files.createTempFile("qdpx-harness-", ".qdpx");
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long t0 = System.nanoTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            QdpxExport.write(source, out);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        // the old generation's peak is the heap the export holds on to; after-GC usage is its live set
        long old = heap.stream().filter(p -> p.getName().contains("Old")).mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
        long live = heap.stream().filter(p -> p.getName().contains("Old") && p.getCollectionUsage() != null)
                .mapToLong(p -> p.getCollectionUsage().getUsed()).sum();
        System.out.printf("answers %,d: %.1f s (%,.0f answers/s), zip %,d MB, old generation peak %,d MB, "
                        + "live after the last old collection %,d MB, max heap %,d MB%n", n, seconds, n / seconds,
                Files.size(file) >> 20, old >> 20, live >> 20, Runtime.getRuntime().maxMemory() >> 20);
        if (args.length > 1) {
            Files.move(file, Path.of(args[1]), java.nio.file.StandardCopyOption.REPLACE_EXISTING); // to inspect it
        } else {
            Files.delete(file);
        }
    }
}
