package be.buurtstem.analysis.text;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Regenerates {@code darija-lexicon.txt} (the frequent Darija words that {@link Arabizi} counts as markers) from the
 * Darija Open Dataset and SIB-200. A tool, not a test; from the repository root, after
 * {@code mvn -o -q -pl analysis -am test-compile}:
 *
 * <pre>
 * java -cp analysis/target/classes:analysis/target/test-classes:$(cat cp.txt) be.buurtstem.analysis.text.DarijaLexiconTool \
 *     ../shared/data analysis/src/main/resources/be/buurtstem/analysis/text/darija-lexicon.txt 3000 2 1
 * </pre>
 *
 * <p>Words are counted in the tuning part of {@code sentences.csv} only (never the held-out fifth the figures are
 * reported on), by {@link Arabizi#key skeleton}, as the number of sentences they occur in. A skeleton is left out when
 * any word of the SIB-200 training sentences in French, Dutch, English, Turkish, Spanish, Portuguese, Romanian or
 * Polish has it (so {@code had}, {@code men}, {@code kan}, {@code la} are not markers). The
 * {@code size} most frequent of the rest that occur in at least {@code minSentences} sentences are written, most
 * frequent first. An optional sixth argument restricts counting to the tuning rows whose index modulo 5 is one of its
 * digits (the size and rule were chosen by deriving on rows 0–2 and measuring on row 3).
 */
public final class DarijaLexiconTool {
    static final List<String> OTHER_LANGUAGES = List.of("fra_Latn", "nld_Latn", "eng_Latn", "tur_Latn", "spa_Latn", "por_Latn",
            "ron_Latn", "pol_Latn");

    private DarijaLexiconTool() {
    }

    public static void main(String[] args) throws IOException {
        Path data = Path.of(args[0]);
        Path out = Path.of(args[1]);
        int size = Integer.parseInt(args[2]);
        int minSentences = Integer.parseInt(args[3]);
        int maxOther = Integer.parseInt(args[4]);
        String parts = args.length > 5 ? args[5] : "0123";
        List<String> sentences = DarijaData.darijaSentences(data.resolve("darija/sentences.csv"));
        Map<String, Integer> sentenceCount = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            if (DarijaData.heldOut(i) || parts.indexOf((char) ('0' + i % 5)) < 0) {
                continue;
            }
            for (String k : keys(sentences.get(i), null)) {
                sentenceCount.merge(k, 1, Integer::sum);
            }
        }
        // in how many training sentences of one other language a skeleton occurs, at most
        Map<String, Integer> otherCount = new HashMap<>();
        for (String lang : OTHER_LANGUAGES) {
            String tag = lang.substring(0, 2);
            Map<String, Integer> count = new HashMap<>();
            for (String t : DarijaData.sibTexts(data.resolve("sib200/" + lang + "-train.tsv"))) {
                for (String k : keys(t, tag)) {
                    count.merge(k, 1, Integer::sum);
                }
            }
            count.forEach((k, n) -> otherCount.merge(k, n, Math::max));
        }
        Set<String> other = new HashSet<>();
        otherCount.forEach((k, n) -> {
            if (n > maxOther) {
                other.add(k);
            }
        });
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(sentenceCount.entrySet());
        ranked.removeIf(e -> e.getValue() < minSentences || other.contains(e.getKey()));
        ranked.sort(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<String> lines = new ArrayList<>();
        lines.add("# Frequent Moroccan Darija words (Latin script), one skeleton (Arabizi.key) a line, most frequent first.");
        lines.add("# This software includes data sourced from Darija Open Dataset. https://github.com/darija-open-dataset/dataset");
        lines.add("# (commit f6b952cb53a1c22198c8e7ec7bfa45a3a77e3175, MIT with attribution; see DODa-LICENSE.txt beside this file).");
        lines.add("# Made by be.buurtstem.analysis.text.DarijaLexiconTool (analysis test sources) with size " + size
                + ", at least " + minSentences + " sentences, at most " + maxOther + " SIB-200 training sentences of another language, tuning rows "
                + parts + ": see analysis/docs/coding.md.");
        for (var e : ranked.subList(0, Math.min(size, ranked.size()))) {
            lines.add(e.getKey());
        }
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + (lines.size() - 4) + " skeletons to " + out + " (" + other.size() + " skeletons of other languages left out)");
    }

    /** The distinct skeletons of a sentence's Latin-script words. */
    static Set<String> keys(String text, String language) {
        Set<String> keys = new HashSet<>();
        String folded = TextNormaliser.normalise(text, language);
        for (String w : WordSegmenter.words(folded, language)) {
            if (w.chars().anyMatch(Character::isLetter) && w.chars().allMatch(c -> c < 0x250)) {
                keys.add(Arabizi.key(w));
            }
        }
        return keys;
    }
}
