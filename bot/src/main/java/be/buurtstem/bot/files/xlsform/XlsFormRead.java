package be.buurtstem.bot.files.xlsform;

import be.buurtstem.engine.Problem;

import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * An XLSForm read as questionnaire YAML: the text the engine's loader reads (so an XLSForm is validated, played and
 * served exactly like a YAML file), the conversion's own problems ({@code FILE:SHEET:ROW: message}), and which
 * spreadsheet row each YAML line came from, so that {@link #place} can tell the loader's and validator's problems
 * as {@code FILE:SHEET:ROW} too.
 *
 * @param yaml     the questionnaire YAML, or null when the file could not be read as an XLSForm at all
 * @param problems the problems of the conversion itself (columns, types and expressions that cannot be translated)
 * @param places   YAML line → {@code SHEET:ROW} of the lines written from that row on
 */
public record XlsFormRead(String fileName, String yaml, List<Problem> problems, NavigableMap<Integer, String> places) {

    public XlsFormRead {
        problems = List.copyOf(problems);
        places = java.util.Collections.unmodifiableNavigableMap(new TreeMap<>(places));
    }

    public boolean hasErrors() {
        return problems.stream().anyMatch(Problem::isError);
    }

    /** A problem the loader or validator found on a YAML line, told at the spreadsheet row it came from. */
    public Problem place(Problem p) {
        if (!p.file().equals(fileName)) {
            return p;
        }
        Map.Entry<Integer, String> e = places.floorEntry(p.line());
        if (e == null) {
            return new Problem(fileName + ":settings", 1, p.severity(), p.message(), p.code(), p.args());
        }
        String sheetRow = e.getValue();
        int colon = sheetRow.lastIndexOf(':');
        return new Problem(fileName + ":" + sheetRow.substring(0, colon), Integer.parseInt(sheetRow.substring(colon + 1)),
                p.severity(), p.message(), p.code(), p.args());
    }

    public List<Problem> place(List<Problem> ps) {
        return ps.stream().map(this::place).toList();
    }

    /**
     * A conversion problem told on the line of the converted YAML that came from its row (for the organisers'
     * editor, which shows the YAML): {@code questionnaire.yaml:LINE: survey:12: message}.
     */
    public Problem onYamlLine(Problem p, String yamlFile) {
        String where = p.file().startsWith(fileName + ":") ? p.file().substring(fileName.length() + 1) + ":" + p.line() : null;
        int line = 1;
        if (where != null) {
            for (Map.Entry<Integer, String> e : places.entrySet()) {
                if (e.getValue().equals(where)) {
                    line = e.getKey();
                    break;
                }
            }
        }
        return new Problem(yamlFile, line, p.severity(), (where == null ? "" : where + ": ") + p.message(), p.code(), p.args());
    }
}
