package be.buurtstem.engine;

import java.util.List;

/**
 * One problem found in a questionnaire file, printed as {@code FILE:LINE: message} (warnings as
 * {@code FILE:LINE: warning: message}) so that editors and CI logs can jump to the line.
 *
 * <p>{@code message} is the English sentence the command line prints. {@code code} and {@code args} let a page say
 * the same thing in its own language (the organisers' pages speak nl/fr/en and look up
 * {@code questionnaires.problem.CODE} with the args); the engine stays free of resource bundles. A problem without
 * a code ({@code null}) is shown in English everywhere.
 */
public record Problem(String file, int line, Severity severity, String message, String code, List<String> args)
        implements Comparable<Problem> {

    public enum Severity { ERROR, WARNING }

    public Problem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public Problem(String file, int line, Severity severity, String message) {
        this(file, line, severity, message, null, List.of());
    }

    public static Problem error(String file, int line, String message) {
        return new Problem(file, line, Severity.ERROR, message);
    }

    /** An error a page can translate: {@code code} names the sentence, {@code args} fill it in. */
    public static Problem error(String file, int line, String message, String code, String... args) {
        return new Problem(file, line, Severity.ERROR, message, code, List.of(args));
    }

    public static Problem warning(String file, int line, String message) {
        return new Problem(file, line, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + (isError() ? "" : "warning: ") + message;
    }

    /** Orders by line, so that a report reads from the top of the file down. */
    @Override
    public int compareTo(Problem o) {
        int c = file.compareTo(o.file);
        if (c != 0) {
            return c;
        }
        c = Integer.compare(line, o.line);
        return c != 0 ? c : message.compareTo(o.message);
    }
}
