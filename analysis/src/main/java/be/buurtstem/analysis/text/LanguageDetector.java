package be.buurtstem.analysis.text;

import com.ibm.icu.util.ULocale;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.MaxentModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Language detection: OpenNLP's language-detection model (langdetect-183, 103 languages, character 1–3-grams)
 * combined with the language the resident chose as a prior, plus Latin-script Arabic (Darija) recognition, which the
 * model does not know. Thread-safe; load once ({@link #load()} reads the 10 MB model, about half a second) and share.
 *
 * <p>The model's probabilities on short texts are nearly flat (0.03 against 0.024 for a clear Dutch sentence), so they
 * are sharpened ({@code p^γ}, γ = {@value #SHARPEN}) before the prior is applied: the chosen language has prior mass
 * {@value #CHOSEN_PRIOR}, the languages commonly heard in Brussels share {@value #REGIONAL_PRIOR}, and the rest of the
 * model's languages share what is left. A long, clear text in another language overrides the choice; a two-word
 * answer that the model cannot place keeps the chosen language.
 */
public final class LanguageDetector {
    static final double SHARPEN = 25;
    static final double CHOSEN_PRIOR = 0.5;
    static final double REGIONAL_PRIOR = 0.45;
    /** Only the start of a long answer is looked at: enough to tell the language, and detection stays fast. */
    static final int MAX_CHARS = 400;

    private static final List<String> REGIONAL = List.of("nl", "fr", "ar", "tr", "en", "es", "de", "it", "pt", "pl", "ro",
            "bg", "ru", "uk", "sq", "so", "am");

    private final MaxentModel model;
    private final String[] outcomeTags;
    private final double[] basePrior;

    private LanguageDetector(LanguageDetectorModel model) {
        this.model = model.getMaxentModel();
        int n = this.model.getNumOutcomes();
        this.outcomeTags = new String[n];
        Map<String, String> iso3to1 = iso3to1();
        for (int i = 0; i < n; i++) {
            String code = this.model.getOutcome(i);
            outcomeTags[i] = iso3to1.getOrDefault(code, code);
        }
        Set<String> regional = new LinkedHashSet<>(REGIONAL);
        int regionalHere = 0;
        for (String t : outcomeTags) {
            if (regional.contains(t)) {
                regionalHere++;
            }
        }
        basePrior = new double[n];
        for (int i = 0; i < n; i++) {
            basePrior[i] = regional.contains(outcomeTags[i])
                    ? (CHOSEN_PRIOR + REGIONAL_PRIOR) / regionalHere   // also the share when nothing was chosen
                    : (1 - CHOSEN_PRIOR - REGIONAL_PRIOR) / (n - regionalHere);
        }
    }

    /** Loads {@code langdetect-183.bin} from the classpath (the opennlp-models-langdetect artifact). */
    public static LanguageDetector load() {
        try (InputStream in = LanguageDetector.class.getResourceAsStream("/langdetect-183.bin")) {
            if (in == null) {
                throw new IllegalStateException("langdetect-183.bin is not on the classpath (org.apache.opennlp:opennlp-models-langdetect)");
            }
            return new LanguageDetector(new LanguageDetectorModel(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read langdetect-183.bin", e);
        }
    }

    /** Uses an already loaded OpenNLP language-detection model. */
    public static LanguageDetector of(LanguageDetectorModel model) {
        return new LanguageDetector(model);
    }

    /**
     * Detects the language of {@code text} (raw or normalised) given the language the resident chose (or null).
     * Empty and emoji-only texts give the chosen language with confidence 0, or {@code und}.
     */
    public LanguageGuess detect(String text, String chosen) {
        String folded = TextNormaliser.normalise(text.length() > MAX_CHARS * 2 ? text.substring(0, MAX_CHARS * 2) : text, null);
        return detect(folded, WordSegmenter.words(folded, "und"), chosen);
    }

    /** Detection on text already normalised (without language) and its words, as {@link TextPipeline} does. */
    LanguageGuess detect(String folded, List<String> words, String chosen) {
        if (words.isEmpty()) {
            return new LanguageGuess(chosen == null ? LanguageGuess.UNDETERMINED : chosen, 0, chosen, null);
        }
        double arabizi = Arabizi.markerShare(words);
        if (arabizi >= 0.3 && isLatin(folded)) {
            double conf = Math.min(0.99, 0.5 + arabizi / 2);
            return new LanguageGuess("ar-Latn", conf, chosen, chosen != null && !chosen.startsWith("ar") ? chosen : null);
        }
        String[] context = ngrams(folded);
        if (context.length == 0) {
            return new LanguageGuess(chosen == null ? LanguageGuess.UNDETERMINED : chosen, 0, chosen, null);
        }
        double[] p = model.eval(context);
        String chosenPrimary = chosen == null ? null : TextNormaliser.primary(chosen);
        double max = Double.NEGATIVE_INFINITY;
        double[] logPost = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            double prior = basePrior[i];
            if (chosenPrimary != null) {
                prior = outcomeTags[i].equals(chosenPrimary) ? CHOSEN_PRIOR
                        : basePrior[i] * (1 - CHOSEN_PRIOR) / (1 - basePriorOf(chosenPrimary));
            }
            logPost[i] = SHARPEN * Math.log(p[i]) + Math.log(prior);
            max = Math.max(max, logPost[i]);
        }
        double sum = 0;
        int best = 0;
        int second = -1;
        for (int i = 0; i < p.length; i++) {
            logPost[i] = Math.exp(logPost[i] - max);
            sum += logPost[i];
        }
        for (int i = 0; i < p.length; i++) {
            if (logPost[i] > logPost[best]) {
                best = i;
            }
        }
        for (int i = 0; i < p.length; i++) {
            if (i != best && (second < 0 || logPost[i] > logPost[second])) {
                second = i;
            }
        }
        return new LanguageGuess(outcomeTags[best], logPost[best] / sum, chosen, second < 0 ? null : outcomeTags[second]);
    }

    private double basePriorOf(String tag) {
        for (int i = 0; i < outcomeTags.length; i++) {
            if (outcomeTags[i].equals(tag)) {
                return basePrior[i];
            }
        }
        return 0;
    }

    private static boolean isLatin(String s) {
        int latin = 0;
        int other = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (c < '\u0250') {
                    latin++;
                } else {
                    other++;
                }
            }
        }
        return latin > other;
    }

    /**
     * The distinct character 1–3-grams the model was trained on, as OpenNLP's own context generator makes them
     * (lower case, digits dropped, runs of white space as one), without its regular-expression passes, which cost
     * more than the model itself. At most {@link #MAX_CHARS} characters are used.
     */
    static String[] ngrams(String folded) {
        StringBuilder b = new StringBuilder(Math.min(folded.length(), MAX_CHARS));
        boolean space = false;
        for (int i = 0; i < folded.length() && b.length() < MAX_CHARS; i++) {
            char c = folded.charAt(i);
            if (Character.isDigit(c) || Character.isWhitespace(c) || Character.isSurrogate(c)) {
                if (!space && !b.isEmpty()) {
                    b.append(' ');
                    space = true;
                }
            } else {
                b.append(Character.toLowerCase(c));
                space = false;
            }
        }
        int len = b.length();
        while (len > 0 && b.charAt(len - 1) == ' ') {
            len--;
        }
        String s = b.substring(0, len);
        Set<String> grams = new LinkedHashSet<>(len * 3);
        for (int n = 1; n <= 3; n++) {
            for (int i = 0; i + n <= s.length(); i++) {
                grams.add(s.substring(i, i + n));
            }
        }
        return grams.toArray(new String[0]);
    }

    private static Map<String, String> iso3to1() {
        Map<String, String> m = new HashMap<>();
        for (String two : ULocale.getISOLanguages()) {
            try {
                String three = new ULocale(two).getISO3Language();
                if (!three.isEmpty()) {
                    m.putIfAbsent(three, two);
                }
            } catch (RuntimeException e) {
                // no ISO 639-2 code for this one
            }
        }
        // macrolanguage members and variants the model uses
        m.put("pes", "fa");
        m.put("fas", "fa");
        m.put("cmn", "zh");
        m.put("zsm", "ms");
        m.put("msa", "ms");
        m.put("ekk", "et");
        m.put("lvs", "lv");
        m.put("nan", "nan");
        m.put("nds", "nds");
        m.put("gsw", "gsw");
        m.put("pnb", "pnb");
        m.put("plt", "mg");
        return m;
    }
}
