package be.buurtstem.bot.files;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One CSV or TSV row as RFC 4180 writes it (quoted when it holds the separator, a quote or a line break, a quote
 * doubled, CRLF at the end), each cell neutralised against formulas first ({@link FormulaCells}). Shared by the
 * answer files and the exports, so both read back through {@link AnswerReader}.
 */
public final class CsvRows {
    private CsvRows() {
    }

    public static void write(Writer out, List<String> cells, char separator) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(separator);
            }
            String c = FormulaCells.neutralise(cells.get(i));
            if (needsQuotes(c, separator)) {
                out.write('"');
                out.write(c.replace("\"", "\"\""));
                out.write('"');
            } else {
                out.write(c);
            }
        }
        out.write("\r\n");
    }

    private static boolean needsQuotes(String c, char separator) {
        if (c.isEmpty()) {
            return false;
        }
        if (c.charAt(0) == '\'') {
            return true; // an escaped formula (FormulaCells): quoted as OWASP advises
        }
        for (int i = 0; i < c.length(); i++) {
            char ch = c.charAt(i);
            if (ch == separator || ch == '"' || ch == '\n' || ch == '\r') {
                return true;
            }
        }
        return Character.isWhitespace(c.charAt(0)) || Character.isWhitespace(c.charAt(c.length() - 1));
    }
}
