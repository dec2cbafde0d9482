package be.buurtstem.analysis.text;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints the Darija figures of analysis/docs/coding.md ("Latin-script Darija on public data"): detection of
 * {@code ar-Latn} on the Darija Open Dataset's sentences (the tuning part and the held-out fifth), false positives on
 * SIB-200 sentences and on the content module's seed answers, and the folding of spelling variants. A tool, not a
 * test; run it from the repository root after {@code mvn -o -q -pl analysis -am test-compile}:
 *
 * <pre>
 * java -cp analysis/target/classes:analysis/target/test-classes:$(cat cp.txt) \
 *     be.buurtstem.analysis.text.DarijaFigures ../shared/data content/src/main/resources/be/buurtstem/content/seed-examples.jsonl
 * </pre>
 */
public final class DarijaFigures {
    private DarijaFigures() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path seeds = Path.of(args[1]);
        TextPipeline pipeline = TextPipeline.withBundledModel();
        LanguageDetector detector = pipeline.detector();

        List<String> sentences = DarijaData.darijaSentences(data.resolve("darija/sentences.csv"));
        List<String> tune = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            (DarijaData.heldOut(i) ? held : tune).add(sentences.get(i));
        }
        System.out.println("## Darija sentences detected as ar-Latn (share)");
        System.out.println("| part | sentences | no choice | chose fr | chose nl | pipeline, chose fr |");
        for (var part : List.of(Map.entry("tuning", tune), Map.entry("held-out", held))) {
            List<String> s = part.getValue();
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", part.getKey(), s.size(),
                    share(s, t -> detector.detect(t, null).language()), share(s, t -> detector.detect(t, "fr").language()),
                    share(s, t -> detector.detect(t, "nl").language()), share(s, t -> pipeline.analyze(t, "fr").language().language()));
        }

        System.out.println();
        System.out.println("## SIB-200 sentences taken for ar-Latn (false positives; chosen = their own language / none)");
        System.out.println("| language | train (tuning) n | train own | train none | dev+test n | dev+test own | dev+test none |");
        for (String[] l : new String[][]{{"fra_Latn", "fr"}, {"nld_Latn", "nl"}, {"eng_Latn", "en"}, {"tur_Latn", "tr"},
                {"spa_Latn", "es"}, {"por_Latn", "pt"}, {"ron_Latn", "ro"}, {"pol_Latn", "pl"}, {"arb_Latn", "ar"}}) {
            List<String> train = DarijaData.sibTexts(data.resolve("sib200/" + l[0] + "-train.tsv"));
            List<String> test = new ArrayList<>(DarijaData.sibTexts(data.resolve("sib200/" + l[0] + "-dev.tsv")));
            test.addAll(DarijaData.sibTexts(data.resolve("sib200/" + l[0] + "-test.tsv")));
            System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f | %d | %.4f | %.4f |%n", l[0], train.size(),
                    share(train, t -> detector.detect(t, l[1]).language()), share(train, t -> detector.detect(t, null).language()),
                    test.size(), share(test, t -> detector.detect(t, l[1]).language()), share(test, t -> detector.detect(t, null).language()));
        }

        System.out.println();
        System.out.println("## Seed answers (content module, synthetic) taken for ar-Latn, chosen = their own language");
        Map<String, List<String>> byLang = seeds(seeds);
        System.out.println("| language | answers | ar-Latn share |");
        for (String l : List.of("fr", "nl", "en", "tr", "ar", "ar-Latn")) {
            List<String> s = byLang.getOrDefault(l, List.of());
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f |%n", l, s.size(), share(s, t -> detector.detect(t, l).language()));
        }

        System.out.println();
        System.out.println("## Spelling variants (semantic/*.csv, rows with two or more variants)");
        List<DarijaData.VariantRow> rows = DarijaData.variantRows(data.resolve("darija/semantic"));
        List<DarijaData.VariantRow> tuneRows = new ArrayList<>();
        List<DarijaData.VariantRow> heldRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (i % 2 == 1 ? heldRows : tuneRows).add(rows.get(i));
        }
        System.out.println("| part | rows | folded to one form | words | colliding words |");
        for (var part : List.of(Map.entry("tuning (even rows)", tuneRows), Map.entry("held-out (odd rows)", heldRows), Map.entry("all", rows))) {
            Folding f = folding(part.getValue());
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f (%d) | %d | %d |%n", part.getKey(), f.multi, (double) f.folded / f.multi,
                    f.folded, f.words, f.colliding);
        }
    }

    interface Lang {
        String of(String text);
    }

    static double share(List<String> texts, Lang lang) {
        if (texts.isEmpty()) {
            return 0;
        }
        int n = 0;
        for (String t : texts) {
            if (lang.of(t).equals("ar-Latn")) {
                n++;
            }
        }
        return (double) n / texts.size();
    }

    /**
     * Rows with two or more variants, how many fold all their variants to one {@link Arabizi#key}; and over all rows
     * (words, told apart by their English gloss), how many share a form with a word of another gloss.
     */
    record Folding(int multi, int folded, int words, int colliding) {
    }

    static Folding folding(List<DarijaData.VariantRow> rows) {
        int multi = 0;
        int folded = 0;
        Map<String, Set<String>> glossesByKey = new HashMap<>();
        for (DarijaData.VariantRow r : rows) {
            Set<String> keys = keys(r);
            if (r.variants().size() > 1) {
                multi++;
                if (keys.size() == 1) {
                    folded++;
                }
            }
            for (String k : keys) {
                glossesByKey.computeIfAbsent(k, x -> new HashSet<>()).add(gloss(r));
            }
        }
        int colliding = 0;
        int words = 0;
        for (DarijaData.VariantRow r : rows) {
            words++;
            for (String k : keys(r)) {
                if (glossesByKey.get(k).size() > 1) {
                    colliding++;
                    break;
                }
            }
        }
        return new Folding(multi, folded, words, colliding);
    }

    /** The gloss that tells words apart; names (no gloss) are told apart by their first spelling. */
    static String gloss(DarijaData.VariantRow r) {
        return r.english().isEmpty() ? r.topic() + ":" + r.variants().getFirst() : r.english().toLowerCase(Locale.ROOT);
    }

    static Set<String> keys(DarijaData.VariantRow r) {
        Set<String> keys = new HashSet<>();
        for (String v : r.variants()) {
            StringBuilder k = new StringBuilder();
            for (String w : WordSegmenter.words(TextNormaliser.normalise(v, null), null)) {
                k.append(k.isEmpty() ? "" : " ").append(Arabizi.key(w));
            }
            keys.add(k.toString());
        }
        return keys;
    }

    static Map<String, List<String>> seeds(Path jsonl) {
        JsonMapper m = JsonMapper.builder().build();
        Map<String, List<String>> out = new HashMap<>();
        try (InputStream in = Files.newInputStream(jsonl)) {
            for (String line : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    JsonNode n = m.readTree(line);
                    out.computeIfAbsent(n.get("language").stringValue(), x -> new ArrayList<>()).add(n.get("text").stringValue());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
