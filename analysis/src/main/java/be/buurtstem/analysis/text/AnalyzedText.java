package be.buurtstem.analysis.text;

import java.util.List;

/**
 * An answer after the text pipeline.
 *
 * @param normalised the normalised text (see {@link TextNormaliser}) for the detected language
 * @param language   the detected language with its confidence and the resident's choice
 * @param words      ICU words of the normalised text
 * @param terms      one matching key per word: Snowball stem with accents folded, or the Arabizi spelling skeleton
 *                   for Latin-script Arabic words
 */
public record AnalyzedText(String normalised, LanguageGuess language, List<String> words, List<String> terms) {
    public AnalyzedText {
        words = List.copyOf(words);
        terms = List.copyOf(terms);
    }

    public boolean isEmpty() {
        return terms.isEmpty();
    }
}
