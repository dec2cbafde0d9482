package be.buurtstem.bot.service.pages.analyst;

import java.util.List;

/**
 * One answer as the analysts' pages show it, under its reference (never the stored id, which starts with the
 * respondent's pseudonym). {@code candidates}: what the review queue offers under the digits 1-9, the themes coded now
 * first (also one an analyst added), then the machine's next best scores. {@code lang} and {@code dir} are for the text's element: the detected language when the
 * coder knows it (else the chosen one) and {@code rtl} for a right-to-left script, {@code auto} otherwise.
 */
public record AnswerView(String ref, String questionnaire, String question, String text, String language,
                         String detected, Integer detectedPercent, boolean languageMismatch, String lang, String dir,
                         Integer certaintyPercent, List<Code> codes, List<Code> candidates, List<String> themes, boolean reviewed,
                         List<Decided> decided, String receivedAt) {
    /** A theme the machine coded, with its score in per cent and its label in the page's language. */
    public record Code(String theme, String label, int percent) {
    }

    /** Who decided what, when. */
    public record Decided(String theme, String action, String analyst, String at) {
    }
}
