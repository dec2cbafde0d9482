package be.buurtstem.engine.load;

import be.buurtstem.engine.Problem;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;

import java.util.Optional;

/**
 * Turns the YAML parser's error ("expected &lt;block end&gt;, but found '&lt;block mapping start&gt;'") into what an
 * organiser must change on which line, in plain words. The parser's own words are kept only as the last resort,
 * for errors none of the rules below recognise. Each problem carries a code and arguments, so the pages can say it
 * in their language.
 */
final class SyntaxExplainer {
    private SyntaxExplainer() {
    }

    static Problem explain(String text, String fileName, MarkedYamlEngineException e) {
        String[] lines = text.split("\r?\n|\r", -1);
        int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(1);
        String problem = e.getProblem() == null ? "" : e.getProblem();
        String context = e.getContext() == null ? "" : e.getContext();
        Optional<Mark> contextMark = e.getContextMark();

        if (problem.contains("(TAB)") || problem.contains("\\t")) {
            return Problem.error(fileName, line, "this line is indented with a tab; use spaces only (YAML does not accept tabs)",
                    "yaml.tab");
        }
        if (context.contains("quoted scalar") && contextMark.isPresent()) {
            int opened = contextMark.get().getLine() + 1;
            return unclosedQuote(fileName, opened);
        }
        if (problem.contains("expected <block end>") || problem.startsWith("expected <block")) {
            int above = previousContentLine(lines, line);
            int unclosed = unclosedQuoteAbove(lines, line);
            if (unclosed > 0) {
                return unclosedQuote(fileName, unclosed);
            }
            if (above > 0) {
                int spaces = keyIndent(lines[line - 1]);
                int aboveSpaces = keyIndent(lines[above - 1]);
                return Problem.error(fileName, line, "this line is indented differently from the one above (" + spaces
                                + " spaces, line " + above + " has " + aboveSpaces + "); indent it like line " + above
                                + ", or like the line further up it belongs to",
                        "yaml.indent", String.valueOf(spaces), String.valueOf(above), String.valueOf(aboveSpaces));
            }
        }
        if (problem.contains("mapping values are not allowed")) {
            return Problem.error(fileName, line, "this line has a colon followed by a space inside a text, which YAML reads as a new key; put the whole text in double quotes (text: \"...\"), or, if this line is a key of its own, indent it like the key above it",
                    "yaml.colon");
        }
        if (problem.contains("expected ',' or '}'") || problem.contains("expected ',' or ']'")) {
            boolean braces = problem.contains("'}'");
            int opened = contextMark.map(m -> m.getLine() + 1).orElse(line);
            return Problem.error(fileName, opened, "the " + (braces ? "{ ... }" : "[ ... ]")
                            + " on this line is not closed or has an item that is not separated by a comma; check that every "
                            + (braces ? "{ has its }" : "[ has its ]")
                            + ", that items are separated by commas, and that texts with a comma, a colon or a quote are in double quotes",
                    braces ? "yaml.braces" : "yaml.brackets");
        }
        if (problem.contains("could not find expected ':'")) {
            int at = contextMark.map(m -> m.getLine() + 1).orElse(line);
            return Problem.error(fileName, at, "this line needs a key and a colon (key: value); if it continues a text from the line above, put that text in double quotes",
                    "yaml.noColon");
        }
        if (problem.contains("end of stream") || problem.contains("end of the stream")) {
            return Problem.error(fileName, line, "the file ends in the middle of something that was opened above (a quote, a { or a [); close it",
                    "yaml.unexpectedEnd");
        }
        if (problem.contains("found duplicate anchor") || context.contains("anchor") || context.contains("alias")) {
            return Problem.error(fileName, line, "an anchor (&name) or alias (*name) on this line is not right: " + oneLine(problem),
                    "yaml.other", oneLine(problem));
        }
        return Problem.error(fileName, line, "the file cannot be read as YAML here; check the indentation and the quotes on this line and the one above ("
                + oneLine(problem) + ")", "yaml.other", oneLine(problem));
    }

    /** The nearest line above {@code line} (1-based) with something on it other than a comment; 0 when none. */
    private static int previousContentLine(String[] lines, int line) {
        for (int i = line - 2; i >= 0; i--) {
            String s = lines[i].strip();
            if (!s.isEmpty() && !s.startsWith("#")) {
                return i + 1;
            }
        }
        return 0;
    }

    /**
     * A line shortly above with an odd number of double quotes: its text runs on into the next lines, so the parser
     * trips further down, on a line that is indented right. 0 when there is none.
     */
    private static int unclosedQuoteAbove(String[] lines, int line) {
        for (int i = line - 1; i >= Math.max(0, line - 4); i--) {
            String s = lines[i].replace("\\\"", "");
            int hash = s.indexOf(" #");
            long quotes = s.chars().filter(c -> c == '"').count();
            if (quotes % 2 == 1 && (hash < 0 || s.indexOf('"') < hash)) {
                return i + 1;
            }
        }
        return 0;
    }

    /** Where a line's key starts: its leading spaces, plus "- " for a list item ("  - id: a" has its key at 4). */
    private static int keyIndent(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        while (i + 1 < line.length() && line.charAt(i) == '-' && line.charAt(i + 1) == ' ') {
            i += 2;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        return i;
    }

    private static Problem unclosedQuote(String fileName, int line) {
        return Problem.error(fileName, line, "the text that starts with a quote on this line is never closed; add the "
                + "closing quote (\") at the end of the text", "yaml.unclosedQuote");
    }

    static String oneLine(String s) {
        return s == null ? "unreadable YAML" : s.replaceAll("\\s+", " ").trim();
    }
}
