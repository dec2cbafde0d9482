package be.buurtstem.analysis.text;

/**
 * The language an answer is taken to be written in.
 *
 * @param language   BCP 47 tag: {@code nl}, {@code fr}, {@code ar}, {@code tr}, {@code en}..., {@code ar-Latn} for
 *                   Latin-script Arabic, or {@code und} when there is nothing to go on (empty or emoji-only)
 * @param confidence posterior probability of {@code language}, 0–1
 * @param chosen     the language the resident chose, or null
 * @param runnerUp   the second most probable language, or null
 */
public record LanguageGuess(String language, double confidence, String chosen, String runnerUp) {

    public static final String UNDETERMINED = "und";

    /**
     * True when the resident chose a language and the answer is in another one (a resident who chose Dutch but wrote
     * Arabic). {@code ar} and {@code ar-Latn} count as the same language.
     */
    public boolean mismatch() {
        return chosen != null && !language.equals(UNDETERMINED)
                && !TextNormaliser.primary(chosen).equals(TextNormaliser.primary(language));
    }
}
