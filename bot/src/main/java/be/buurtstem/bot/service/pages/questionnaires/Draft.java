package be.buurtstem.bot.service.pages.questionnaires;

import java.io.Serial;
import java.io.Serializable;

/**
 * The questionnaire text an organiser is working on, kept in their own (signed-in) session between the editor, the
 * test conversation and publishing. Never stored in the database until it is published.
 */
record Draft(String text, String fileName) implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;
    static final String SESSION_KEY = "questionnaires.draft";
}
