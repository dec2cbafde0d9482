package be.buurtstem.analysis.text;

import com.ibm.icu.text.Normalizer2;
import opennlp.tools.stemmer.snowball.SnowballStemmer;
import opennlp.tools.stemmer.snowball.SnowballStemmer.ALGORITHM;

import java.util.EnumMap;
import java.util.Map;

/**
 * OpenNLP's Snowball stemmers, one per language that OpenNLP 2.5 has: Arabic, Catalan, Danish, Dutch, English,
 * Finnish, French, German, Greek, Hungarian, Indonesian, Irish, Italian, Norwegian, Portuguese, Romanian, Russian,
 * Spanish, Swedish, Turkish. A language without one keeps its (normalised) words; the classifier's character
 * n-grams then do the work a stemmer would. Thread-safe: Snowball stemmers hold state, so each thread has its own.
 */
public final class Stemmers {
    private static final Map<String, ALGORITHM> BY_LANGUAGE = Map.ofEntries(
            Map.entry("ar", ALGORITHM.ARABIC), Map.entry("ca", ALGORITHM.CATALAN), Map.entry("da", ALGORITHM.DANISH),
            Map.entry("nl", ALGORITHM.DUTCH), Map.entry("en", ALGORITHM.ENGLISH), Map.entry("fi", ALGORITHM.FINNISH),
            Map.entry("fr", ALGORITHM.FRENCH), Map.entry("de", ALGORITHM.GERMAN), Map.entry("el", ALGORITHM.GREEK),
            Map.entry("hu", ALGORITHM.HUNGARIAN), Map.entry("id", ALGORITHM.INDONESIAN), Map.entry("ga", ALGORITHM.IRISH),
            Map.entry("it", ALGORITHM.ITALIAN), Map.entry("no", ALGORITHM.NORWEGIAN), Map.entry("nb", ALGORITHM.NORWEGIAN),
            Map.entry("pt", ALGORITHM.PORTUGUESE), Map.entry("ro", ALGORITHM.ROMANIAN), Map.entry("ru", ALGORITHM.RUSSIAN),
            Map.entry("es", ALGORITHM.SPANISH), Map.entry("sv", ALGORITHM.SWEDISH), Map.entry("tr", ALGORITHM.TURKISH));

    private static final ThreadLocal<EnumMap<ALGORITHM, SnowballStemmer>> STEMMERS = ThreadLocal.withInitial(() -> new EnumMap<>(ALGORITHM.class));
    private static final Normalizer2 NFD = Normalizer2.getNFDInstance();

    private Stemmers() {
    }

    /** True when OpenNLP has a stemmer for the language (primary subtag; {@code ar-Latn} has none). */
    public static boolean has(String language) {
        return language != null && !language.contains("-") && BY_LANGUAGE.containsKey(TextNormaliser.primary(language));
    }

    /** The stem of a normalised word, or the word itself for a language without a stemmer. */
    public static String stem(String word, String language) {
        if (!has(language)) {
            return word;
        }
        ALGORITHM alg = BY_LANGUAGE.get(TextNormaliser.primary(language));
        SnowballStemmer s = STEMMERS.get().computeIfAbsent(alg, SnowballStemmer::new);
        return s.stem(word).toString();
    }

    /**
     * Drops Latin accents and folds dotless ı to i, for matching keys only (after stemming, which needs the accents):
     * residents type {@code ecole} for {@code école} and {@code guvenlik} for {@code güvenlik} on keyboards without
     * them. Non-Latin letters are left alone.
     */
    public static String foldAccents(String s) {
        boolean ascii = true;
        for (int i = 0; i < s.length() && ascii; i++) {
            ascii = s.charAt(i) < 0x80;
        }
        if (ascii) {
            return s;
        }
        String d = NFD.normalize(s);
        StringBuilder b = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c >= '\u0300' && c <= '\u036F') {
                continue; // combining marks on Latin letters
            }
            b.append(c == '\u0131' ? 'i' : c == '\u00DF' ? 's' : c == '\u00E6' ? 'a' : c == '\u0153' ? 'o' : c);
        }
        return b.toString();
    }
}
