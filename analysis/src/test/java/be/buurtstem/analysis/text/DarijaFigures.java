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
        List<String> validation = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            (DarijaData.heldOut(i) ? held : tune).add(sentences.get(i));
            if (i % 5 == 3) {
                validation.add(sentences.get(i));
            }
        }
        System.out.println("## Darija sentences detected as ar-Latn (share)");
        System.out.println("| part | sentences | no choice | chose fr | chose nl | pipeline, chose fr |");
        for (var part : List.of(Map.entry("tuning", tune), Map.entry("tuning, rows 3 mod 5", validation), Map.entry("held-out", held))) {
            List<String> s = part.getValue();
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f | %.3f | %.3f | %.3f |%n", part.getKey(), s.size(),
                    share(s, t -> detector.detect(t, null).language()), share(s, t -> detector.detect(t, "fr").language()),
                    share(s, t -> detector.detect(t, "nl").language()), share(s, t -> pipeline.analyze(t, "fr").language().language()));
        }

        System.out.println();
        // SIB-200: its training sentences are what the lexicon keeps clear of, its dev sentences where the rule was
        // chosen, its test sentences what is reported
        System.out.println("## SIB-200 taken for ar-Latn (false positives), chosen = their own language; sentences and short answers made");
        System.out.println("## from them (each sentence's first 2, 3 and 5 words)");
        System.out.println("| language | dev sentences | share | dev short answers | share | test sentences | share (no choice) | test short answers | share |");
        for (String[] l : new String[][]{{"fra_Latn", "fr"}, {"nld_Latn", "nl"}, {"eng_Latn", "en"}, {"tur_Latn", "tr"},
                {"spa_Latn", "es"}, {"por_Latn", "pt"}, {"ron_Latn", "ro"}, {"pol_Latn", "pl"}, {"arb_Latn", "ar"}}) {
            List<String> dev = DarijaData.sibTexts(data.resolve("sib200/" + l[0] + "-dev.tsv"));
            List<String> test = DarijaData.sibTexts(data.resolve("sib200/" + l[0] + "-test.tsv"));
            List<String> devShort = fragments(dev);
            List<String> testShort = fragments(test);
            System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %d | %.4f | %d | %.4f (%.4f) | %d | %.4f |%n", l[0],
                    dev.size(), share(dev, t -> detector.detect(t, l[1]).language()),
                    devShort.size(), share(devShort, t -> detector.detect(t, l[1]).language()),
                    test.size(), share(test, t -> detector.detect(t, l[1]).language()), share(test, t -> detector.detect(t, null).language()),
                    testShort.size(), share(testShort, t -> detector.detect(t, l[1]).language()));
            if (args.length > 2 && !l[1].equals("ar")) {
                for (String t : devShort) {
                    if (detector.detect(t, l[1]).language().equals("ar-Latn")) {
                        System.out.println("DEV FALSE POSITIVE " + l[1] + " " + t + " " + why(t));
                    }
                }
            }
        }

        System.out.println("## Seed answers (content module, synthetic) taken for ar-Latn, chosen = their own language");
        Map<String, List<String>> byLang = seeds(seeds);
        System.out.println("| language | answers | ar-Latn share |");
        for (String l : List.of("fr", "nl", "en", "tr", "ar", "ar-Latn")) {
            List<String> s = byLang.getOrDefault(l, List.of());
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f |%n", l, s.size(), share(s, t -> detector.detect(t, l).language()));
        }

        System.out.println();
        System.out.println("## Spelling variants (semantic/*.csv, rows with two or more variants)");
        // the names files list each spelling of a name as its own row, with no gloss: not words with variants
        List<DarijaData.VariantRow> rows = DarijaData.variantRows(data.resolve("darija/semantic")).stream()
                .filter(r -> !r.topic().endsWith("names")).toList();
        List<DarijaData.VariantRow> tuneRows = new ArrayList<>();
        List<DarijaData.VariantRow> heldRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            (i % 2 == 1 ? heldRows : tuneRows).add(rows.get(i));
        }
        System.out.println("| part | rows with variants | all variants folded to one form | words | pairs of words sharing a form |");
        for (var part : List.of(Map.entry("tuning (even rows)", tuneRows), Map.entry("held-out (odd rows)", heldRows), Map.entry("all", rows))) {
            Folding f = folding(part.getValue());
            System.out.printf(Locale.ROOT, "| %s | %d | %.3f (%d) | %d | %d |%n", part.getKey(), f.multi, (double) f.folded / f.multi,
                    f.folded, f.words, f.collidingPairs);
        }
        if (args.length > 2 && args[2].equals("--misses")) {
            // what the rule and the skeleton miss, from the tuning parts only
            for (String t : validation) {
                if (!detector.detect(t, "fr").language().equals("ar-Latn")) {
                    System.out.println("MISS " + t);
                }
            }
            for (String l : List.of("fr", "nl", "en", "tr")) {
                for (String t : byLang.get(l)) {
                    if (detector.detect(t, l).language().equals("ar-Latn")) {
                        System.out.println("SEED FALSE POSITIVE " + l + " " + t);
                    }
                }
            }
            for (DarijaData.VariantRow r : tuneRows) {
                if (r.variants().size() > 1 && keys(r).size() > 1) {
                    System.out.println("UNFOLDED " + r.variants() + " " + keys(r));
                }
            }
            Map<String, Set<String>> glossesByKey = new HashMap<>();
            for (DarijaData.VariantRow r : tuneRows) {
                for (String k : keys(r)) {
                    glossesByKey.computeIfAbsent(k, x -> new HashSet<>()).add(gloss(r));
                }
            }
            collidingPairs(glossesByKey).forEach(p -> System.out.println("COLLISION " + p));
        }
    }

    /** The words of a text that mark Darija, with their skeletons. */
    static String why(String text) {
        StringBuilder b = new StringBuilder();
        for (String w : WordSegmenter.words(TextNormaliser.normalise(text, null), null)) {
            if (Arabizi.isMarker(w)) {
                b.append(w).append('=').append(Arabizi.key(w)).append(Arabizi.isArabiziToken(w) ? "(digits)" : Arabizi.inLexicon(Arabizi.key(w)) ? "(lexicon)" : "(shape)").append(' ');
            }
        }
        return b.toString();
    }

    /** The first 2, 3 and 5 words of each sentence: short answers in the sentences' language. */
    static List<String> fragments(List<String> sentences) {
        List<String> out = new ArrayList<>();
        for (String s : sentences) {
            String[] w = s.split(" ");
            for (int n : new int[]{2, 3, 5}) {
                if (w.length > n) {
                    out.add(String.join(" ", java.util.Arrays.copyOf(w, n)));
                }
            }
        }
        return out;
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
     * Over the rows with two or more variants, how many fold all their variants to one {@link Arabizi#key}; and over
     * all rows, how many pairs of different words (told apart by their English gloss) share a form. Homographs of the
     * data set (klb: dog and heart) and synonyms listed apart (dnb: guilt and sin) are among those pairs whatever the key.
     */
    record Folding(int multi, int folded, int words, int collidingPairs) {
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
        return new Folding(multi, folded, rows.size(), collidingPairs(glossesByKey).size());
    }

    static Set<String> collidingPairs(Map<String, Set<String>> glossesByKey) {
        Set<String> pairs = new java.util.TreeSet<>();
        for (Set<String> g : glossesByKey.values()) {
            List<String> s = g.stream().sorted().toList();
            for (int i = 0; i < s.size(); i++) {
                for (int j = i + 1; j < s.size(); j++) {
                    pairs.add(s.get(i) + " / " + s.get(j));
                }
            }
        }
        return pairs;
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
