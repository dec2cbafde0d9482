package be.buurtstem.analysis.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The text pipeline for one answer: normalise → detect the language (with the resident's choice as prior) →
 * normalise again for that language where it matters (Turkish casing, French elisions) → ICU words → terms (stems,
 * Arabizi skeletons). Thread-safe: build one and share it.
 */
public final class TextPipeline {
    /**
     * Where the detector comes from: a loaded one, or one still loading (the service reads the model in the
     * background so it is healthy sooner; the first text analysed waits for it).
     */
    private final Supplier<LanguageDetector> detector;

    public TextPipeline(LanguageDetector detector) {
        Objects.requireNonNull(detector, "detector");
        this.detector = () -> detector;
    }

    /**
     * A pipeline whose detector is given when first needed: {@code detector} is asked on every analysis, so it must
     * be cheap once it has answered (a memoised value or a finished future's {@code join}).
     */
    public TextPipeline(Supplier<LanguageDetector> detector) {
        this.detector = Objects.requireNonNull(detector, "detector");
    }

    /** A pipeline with the bundled OpenNLP language-detection model (loads it: about half a second). */
    public static TextPipeline withBundledModel() {
        return new TextPipeline(LanguageDetector.load());
    }

    public LanguageDetector detector() {
        return detector.get();
    }

    /** Analyses {@code text} written by a resident who chose {@code chosenLanguage} (may be null). */
    public AnalyzedText analyze(String text, String chosenLanguage) {
        String folded = TextNormaliser.normalise(text, null);
        List<String> words = WordSegmenter.words(folded, null);
        LanguageGuess guess;
        if (folded.length() > LanguageDetector.MAX_CHARS * 2) {
            String head = folded.substring(0, LanguageDetector.MAX_CHARS * 2);
            guess = detector().detect(head, WordSegmenter.words(head, null), chosenLanguage);
        } else {
            guess = detector().detect(folded, words, chosenLanguage);
        }
        return analyzeAs(text, folded, words, guess);
    }

    /**
     * Analyses {@code text} as written in {@code language}, without detection (for codebook keywords, and when the
     * language is known).
     */
    public static AnalyzedText analyzeIn(String text, String language) {
        String folded = TextNormaliser.normalise(text, null);
        return analyzeAs(text, folded, WordSegmenter.words(folded, null), new LanguageGuess(language, 1, language, null));
    }

    private static AnalyzedText analyzeAs(String text, String folded, List<String> words, LanguageGuess guess) {
        String lang = guess.language();
        String primary = TextNormaliser.primary(lang);
        String normalised = folded;
        if (primary.equals("tr") || primary.equals("az") || primary.equals("fr")) {
            normalised = TextNormaliser.normalise(text, lang);
            words = WordSegmenter.words(normalised, lang);
        }
        boolean arabizi = lang.equals("ar-Latn");
        List<String> terms = new ArrayList<>(words.size());
        for (String w : words) {
            terms.add(term(w, lang, arabizi));
        }
        return new AnalyzedText(normalised, guess, words, terms);
    }

    /** The matching key of one normalised word in a language. */
    public static String term(String word, String language, boolean arabiziText) {
        if (isLatinWord(word) && (arabiziText || Arabizi.isArabiziToken(word))) {
            return Arabizi.key(word);
        }
        String stem = Stemmers.stem(word, language);
        int n = stem.length();
        if (n > 2 && stem.charAt(n - 1) == '\u0647' && stem.charAt(0) >= '\u0600' && stem.charAt(0) <= '\u06FF') {
            // teh marbuta, unified to heh by the normaliser, is a feminine ending the stemmer may keep: drop it
            return stem.substring(0, n - 1);
        }
        return Stemmers.foldAccents(stem);
    }

    private static boolean isLatinWord(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.isLetter(c) && c >= '\u0250') {
                return false;
            }
        }
        return true;
    }
}
