package be.buurtstem.engine;

/**
 * One problem found in a questionnaire file, printed as {@code FILE:LINE: message} (warnings as
 * {@code FILE:LINE: warning: message}) so that editors and CI logs can jump to the line.
 */
public record Problem(String file, int line, Severity severity, String message) implements Comparable<Problem> {

    public enum Severity { ERROR, WARNING }

    public static Problem error(String file, int line, String message) {
        return new Problem(file, line, Severity.ERROR, message);
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
