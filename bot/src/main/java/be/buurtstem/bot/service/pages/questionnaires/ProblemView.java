package be.buurtstem.bot.service.pages.questionnaires;

import be.buurtstem.engine.Problem;
import org.springframework.context.MessageSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A problem as the editor shows it: its line, its message in the page's language (from
 * {@code questionnaires.problem.CODE}, with the problem's arguments; the engine's English sentence when the page has
 * no words for that code), and the lines around it, so the organiser sees it beside the line to change.
 */
record ProblemView(int line, boolean error, String message, List<SourceLine> around) {

    /** One line of the file, numbered from 1; {@code bad} marks the line the problem is on. */
    record SourceLine(int number, String text, boolean bad) {
    }

    static List<ProblemView> of(List<Problem> problems, String text, MessageSource messages, Locale locale) {
        String[] lines = (text == null ? "" : text).split("\r?\n|\r", -1);
        List<ProblemView> out = new ArrayList<>();
        for (Problem p : problems) {
            List<SourceLine> around = new ArrayList<>();
            for (int n = Math.max(1, p.line() - 1); n <= Math.min(lines.length, p.line() + 1); n++) {
                around.add(new SourceLine(n, lines[n - 1], n == p.line()));
            }
            out.add(new ProblemView(p.line(), p.isError(), words(p, messages, locale), around));
        }
        return out;
    }

    static String words(Problem p, MessageSource messages, Locale locale) {
        if (p.code() == null) {
            return p.message();
        }
        return messages.getMessage("questionnaires.problem." + p.code(), p.args().toArray(), p.message(), locale);
    }
}
